package dev.authbackbone.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.engine.SysProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a HikariCP pool, migrated by Flyway at open, and the {@link Jdbi} that the unit of
 * work and the repositories share. Works on PostgreSQL and on H2 in PostgreSQL mode.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** The H2 settings the migrations and queries are written for. */
    private static final String H2_SETTINGS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    /** How long a call waits for a connection by default, before it fails as the database being unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /**
     * PostgreSQL waits for a row lock forever and lets a statement run forever; every connection of
     * the pool is told otherwise, so that a stuck lock or a runaway statement ends in a 503 rather
     * than in requests that hang and a pool that drains. The lock timeout matches H2's LOCK_TIMEOUT.
     */
    private static final String POSTGRES_SESSION = "SELECT set_config('lock_timeout', '10s', false),"
            + " set_config('statement_timeout', '30s', false)";
    /** Migrations may rewrite big tables, so they keep the lock timeout but get no statement timeout. */
    private static final String POSTGRES_MIGRATION_SESSION = "SELECT set_config('lock_timeout', '10s', false)";
    private static final int PING_TIMEOUT_SECONDS = 2;
    private static final int MIGRATION_CONNECTIONS = 3;
    private static final int SQL_IN_MESSAGES_LIMIT = 200;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;

    private Database(HikariDataSource dataSource, Jdbi jdbi, String description) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.description = description;
    }

    /**
     * Opens a pool of at most {@code poolSize} connections and migrates the schema; user and password
     * may be null (a PostgreSQL URL may carry them). For an H2 URL with AUTO_SERVER it also sets the
     * JVM-wide {@code h2.bindAddress} to 127.0.0.1 if unset, which only works before H2 is first used.
     */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT, config -> { });
    }

    /**
     * As {@link #open(String, String, String, int)}, with calls waiting at most {@code connectionTimeout}
     * for a connection (all in use, or the database unreachable) before failing with
     * {@link dev.authbackbone.domain.port.out.StorageUnavailableException}.
     */
    public static Database open(String url, String user, String password, int poolSize, Duration connectionTimeout) {
        return open(url, user, password, poolSize, connectionTimeout, config -> { });
    }

    /**
     * As {@link #open(String, String, String, int)}, letting the caller adjust the pool before it
     * starts (for example {@code HikariConfig.setMetricRegistry} for pool metrics).
     *
     * @throws IllegalArgumentException when the URL or the pool size cannot work
     * @throws DatabaseException when the database cannot be reached or migrated
     */
    public static Database open(String url, String user, String password, int poolSize,
                                Consumer<HikariConfig> customizer) {
        return open(url, user, password, poolSize, DEFAULT_CONNECTION_TIMEOUT, customizer);
    }

    private static Database open(String url, String user, String password, int poolSize, Duration connectionTimeout,
                                 Consumer<HikariConfig> customizer) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(customizer, "customizer");
        checkUrl(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size: must be at least 1, was " + poolSize);
        }
        String description = describe(url);
        boolean autoServer = isH2(url) && upper(url).contains("AUTO_SERVER=TRUE");
        if (autoServer) {
            keepAutoServerOnLoopback();
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("auth-backbone-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // Hikari refuses less than 250 ms.
        config.setConnectionTimeout(Math.max(250, connectionTimeout.toMillis()));
        config.setAutoCommit(true);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        if (isPostgres(url)) {
            // Server "Detail:" lines quote row values (addresses); keep them out of exception messages.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            config.setConnectionInitSql(POSTGRES_SESSION);
        }
        customizer.accept(config);

        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to the database " + description + ": " + rootMessage(e), e);
        }
        try {
            migrate(config);
        } catch (FlywayException | DatabaseException e) {
            dataSource.close();
            throw new DatabaseException("cannot migrate the database " + description + ": " + rootMessage(e), e);
        }
        if (autoServer && !"127.0.0.1".equals(SysProperties.BIND_ADDRESS)) {
            LOG.warn("H2 was loaded before h2.bindAddress could be set, so its AUTO_SERVER port listens on every"
                    + " interface; start the JVM with -Dh2.bindAddress=127.0.0.1 to keep it on loopback");
        }
        LOG.info("Database {} is ready ({} connections at most)", description, poolSize);
        return new Database(dataSource, createJdbi(dataSource), description);
    }

    /**
     * The default embedded database: an H2 file {@code auth-backbone} in {@code directory}.
     * AUTO_SERVER lets an operator open the same file (for example with {@code org.h2.tools.Shell})
     * while the server runs: the first process serves it to later ones over a loopback TCP port.
     */
    public static String embeddedUrl(Path directory) {
        String dir = directory.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (dir.contains(";")) {
            throw new IllegalArgumentException("database directory: must not contain ';', was " + dir);
        }
        return "jdbc:h2:file:" + dir + "/auth-backbone;" + H2_SETTINGS + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000";
    }

    /** A private in-memory H2 database named {@code name}, alive while its pool is open; for tests. */
    public static String inMemoryUrl(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("in-memory database name: letters, digits and '_' only, was " + name);
        }
        return "jdbc:h2:mem:" + name + ";" + H2_SETTINGS + ";LOCK_TIMEOUT=10000";
    }

    /** The JDBI instance to give to {@link JdbiUnitOfWork} and to every repository. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pool, for callers that need plain JDBC. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether a connection can be had and answers within a few seconds; cheap enough for a readiness probe. */
    public Health ping() {
        if (dataSource.isClosed()) {
            return new Health(false, "closed");
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(PING_TIMEOUT_SECONDS)
                    ? new Health(true, "ok")
                    : new Health(false, "no answer within " + PING_TIMEOUT_SECONDS + "s");
        } catch (SQLException | RuntimeException e) {
            return new Health(false, rootMessage(e));
        }
    }

    /**
     * How the pool is used right now, for metrics: the composition root turns these into gauges, so
     * no metrics library reaches this adapter. All zero once closed (or before the pool has started).
     */
    public PoolUsage poolUsage() {
        HikariPoolMXBean pool = dataSource.isClosed() ? null : dataSource.getHikariPoolMXBean();
        if (pool == null) {
            return new PoolUsage(0, 0, 0, dataSource.getMaximumPoolSize());
        }
        return new PoolUsage(pool.getActiveConnections(), pool.getIdleConnections(), pool.getThreadsAwaitingConnection(),
                dataSource.getMaximumPoolSize());
    }

    /**
     * A snapshot of the pool.
     *
     * @param active  connections lent out
     * @param idle    connections open and waiting to be lent
     * @param pending threads waiting for a connection (above zero for long means the pool is too small)
     * @param max     the most connections the pool opens
     */
    public record PoolUsage(int active, int idle, int pending, int max) {}

    /** Closes the pool; an embedded H2 database is closed with its last connection. */
    @Override
    public void close() {
        dataSource.close();
        LOG.info("Database {} closed", description);
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }

    /** The outcome of {@link #ping()}: {@code detail} is "ok" or why not, never a credential. */
    public record Health(boolean up, String detail) {
        public Health {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Flyway holds one connection for its lock and history while it migrates on another, so it gets
     * a small pool of its own, configured like the main one: a main pool of one connection would
     * otherwise deadlock it. The main pool is already open, which keeps an in-memory H2 alive.
     */
    private static void migrate(HikariConfig mainConfig) {
        HikariConfig config = new HikariConfig();
        mainConfig.copyStateTo(config);
        config.setPoolName(mainConfig.getPoolName() + "-migration");
        if (isPostgres(mainConfig.getJdbcUrl())) {
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
            throw new DatabaseException("migration pool: " + rootMessage(e), e);
        }
    }

    private static Jdbi createJdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // JDBI's default message lists the bound values: addresses and token hashes do not belong in logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::messageWithoutValues);
        return jdbi;
    }

    private static String messageWithoutValues(StatementException e) {
        StatementContext ctx = e.getStatementContext();
        String sql = ctx == null || ctx.getRawSql() == null ? "" : ctx.getRawSql();
        if (sql.length() > SQL_IN_MESSAGES_LIMIT) {
            sql = sql.substring(0, SQL_IN_MESSAGES_LIMIT) + "...";
        }
        return e.getShortMessage() + (sql.isEmpty() ? "" : " [statement: \"" + sql + "\"]");
    }

    private static void checkUrl(String url) {
        String upper = upper(url);
        if (isH2(url) && !(upper.contains("MODE=POSTGRESQL") && upper.contains("DATABASE_TO_LOWER=TRUE"))) {
            throw new IllegalArgumentException("database URL: an H2 URL needs " + H2_SETTINGS
                    + " (the SQL is written for PostgreSQL), was " + describe(url));
        }
        if (!isH2(url) && !isPostgres(url)) {
            throw new IllegalArgumentException(
                    "database URL: expected jdbc:postgresql:... or jdbc:h2:..., was " + describe(url));
        }
    }

    /**
     * H2 starts the AUTO_SERVER listener with "allow others" on every interface unless
     * {@code h2.bindAddress} is set; it reads that property once, when H2 is first used.
     */
    private static void keepAutoServerOnLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private static boolean isH2(String url) {
        return upper(url).startsWith("JDBC:H2:");
    }

    private static boolean isPostgres(String url) {
        return upper(url).startsWith("JDBC:POSTGRESQL:");
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** The URL without anything that may hold a credential: no query string, no H2 settings. */
    static String describe(String url) {
        int end = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return url.substring(0, end);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
