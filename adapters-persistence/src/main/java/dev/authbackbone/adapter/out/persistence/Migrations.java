package dev.authbackbone.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** Brings the schema up to date with the Flyway migrations under {@code db/migration}, on H2 and PostgreSQL alike. */
final class Migrations {

    /** Migrations may rewrite big tables, so they keep the lock timeout but get no statement timeout. */
    private static final String POSTGRES_MIGRATION_SESSION = "SELECT set_config('lock_timeout', '10s', false)";
    private static final int MIGRATION_CONNECTIONS = 3;

    private Migrations() {
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
