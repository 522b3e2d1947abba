package dev.authbackbone.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date with the Flyway migrations under {@code db/migration}, on H2 and PostgreSQL alike. */
final class Migrations {

    /** Migrations may rewrite big tables, so they keep the lock timeout but get no statement timeout. */
    /** The longest a migration statement may go without a word from PostgreSQL. */
    static final Duration MIGRATION_SOCKET_TIMEOUT = Duration.ofMinutes(5);

    private static final String POSTGRES_MIGRATION_SESSION = "SELECT set_config('lock_timeout', '10s', false)";
    private static final int MIGRATION_CONNECTIONS = 3;

    /** The version of the newest migration under {@code db/migration}; a test checks it against the files. */
    static final int LATEST_VERSION = 18;
    private static final String HISTORY = "flyway_schema_history";

    private Migrations() {
    }

    /**
     * Brings the schema up to date, unless it {@linkplain #current is already}: then Flyway is not
     * started at all. Finding nothing to do, it would still scan the class path, parse every script
     * and compare its checksum with the history: a quarter of the start-up time of a server on an
     * existing database. So a script edited after it was applied is noticed at the next upgrade, not
     * at every start.
     *
     * @param main the open main pool, for the check
     * @throws FlywayException   when a migration fails
     * @throws DatabaseException when the migration pool cannot connect
     */
    static void bringUpToDate(HikariConfig mainConfig, DataSource main) {
        if (!current(main)) {
            migrate(mainConfig);
        }
    }

    /**
     * Whether Flyway's history says every migration up to {@link #LATEST_VERSION} was applied and
     * none failed. No history (a new database), an older or newer schema, a failed or unreadable
     * history all answer false, and Flyway then decides as it always did.
     */
    static boolean current(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            // Looked up first, so that a new PostgreSQL database does not log an error for the query.
            try (ResultSet table = connection.getMetaData().getTables(null, connection.getSchema(), HISTORY, null)) {
                if (!table.next()) {
                    return false;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet history = statement.executeQuery(
                         "SELECT version, success FROM " + HISTORY + " WHERE version IS NOT NULL")) {
                int latest = -1;
                while (history.next()) {
                    if (!history.getBoolean("success")) {
                        return false;
                    }
                    latest = Math.max(latest, Integer.parseInt(history.getString("version")));
                }
                return latest == LATEST_VERSION;
            }
        } catch (SQLException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Flyway holds one connection for its lock and history while it migrates on another, so it gets
     * a small pool of its own, configured like the main one: a main pool of one connection would
     * otherwise deadlock it. The main pool is already open, which keeps an in-memory H2 alive.
     *
     * @throws FlywayException   when a migration fails
     * @throws DatabaseException when the migration pool cannot connect
     */
    static void migrate(HikariConfig mainConfig) {
        HikariConfig config = new HikariConfig();
        mainConfig.copyStateTo(config);
        config.setPoolName(mainConfig.getPoolName() + "-migration");
        if (DatabaseUrl.isPostgres(mainConfig.getJdbcUrl())) {
            config.setConnectionInitSql(POSTGRES_MIGRATION_SESSION);
            // A migration may rightly run long (an index over millions of rows), but a server that
            // falls silent mid-migration must not hold the start for ever (an outside probe).
            config.addDataSourceProperty("socketTimeout", Long.toString(MIGRATION_SOCKET_TIMEOUT.toSeconds()));
        }
        config.setMaximumPoolSize(MIGRATION_CONNECTIONS);
        config.setMinimumIdle(0);
        config.setMetricRegistry(null);
        config.setMetricsTrackerFactory(null);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            if (e instanceof FlywayException) {
                throw e;
            }
            throw new DatabaseException("migration pool: " + Failures.rootMessage(e), e);
        }
    }
}
