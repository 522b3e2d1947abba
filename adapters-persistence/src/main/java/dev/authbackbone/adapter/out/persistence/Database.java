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
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.h2.engine.SysProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: a HikariCP pool ({@link ConnectionPool}), migrated at open ({@link Migrations}), and the {@link Jdbi} that the unit of
 * work and the repositories share. Works on PostgreSQL and on H2 in PostgreSQL mode.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** How long a call waits for a connection by default, before it fails as the database being unavailable. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String description;
    private final RowLocking rowLocking;

    private Database(HikariDataSource dataSource, Jdbi jdbi, String description, RowLocking rowLocking) {
        this.dataSource = dataSource;
        this.jdbi = jdbi;
        this.description = description;
        this.rowLocking = rowLocking;
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
        String completed = DatabaseUrl.complete(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("database pool size: must be at least 1, was " + poolSize);
        }
        String description = DatabaseUrl.describe(url);
        boolean autoServer = DatabaseUrl.isH2(completed) && completed.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE");
        if (autoServer) {
            keepAutoServerOnLoopback();
        }
        Optional<Path> file = DatabaseUrl.h2File(completed);
        file.ifPresent(Database::secureFiles);
        // An embedded file left without a password gets a generated one: its AUTO_SERVER port must not let other local users in.
        boolean generatedPassword = file.isPresent() && (password == null || password.isEmpty());
        String loginUser = file.isPresent() && user == null ? "sa" : user;
        String loginPassword = generatedPassword ? EmbeddedCredentials.password(completed) : password;
        Connection keepOpen = generatedPassword ? EmbeddedCredentials.unlock(completed, loginUser, loginPassword) : null;
        try {
            HikariConfig config = ConnectionPool.config(completed, loginUser, loginPassword, poolSize, connectionTimeout);
            customizer.accept(config);
            HikariDataSource dataSource;
            try {
                dataSource = new HikariDataSource(config);
            } catch (RuntimeException e) {
                throw new DatabaseException("cannot connect to the database " + description + ": " + Failures.rootMessage(e), e);
            }
            try {
                Migrations.bringUpToDate(config, dataSource);
            } catch (FlywayException | DatabaseException e) {
                dataSource.close();
                throw new DatabaseException("cannot migrate the database " + description + ": " + Failures.rootMessage(e), e);
            }
            // The files H2 has just created (the lock file names the AUTO_SERVER port and its key).
            file.ifPresent(Database::secureFiles);
            if (autoServer && !"127.0.0.1".equals(SysProperties.BIND_ADDRESS)) {
                LOG.warn("H2 was loaded before h2.bindAddress could be set, so its AUTO_SERVER port listens on every"
                        + " interface; start the JVM with -Dh2.bindAddress=127.0.0.1 to keep it on loopback");
            }
            LOG.info("Database {} is ready ({} connections at most)", description, poolSize);
            return new Database(dataSource, createJdbi(dataSource), description, RowLocking.of(completed));
        } finally {
            if (keepOpen != null) {
                try {
                    keepOpen.close();
                } catch (SQLException e) {
                    LOG.debug("Closing the first connection to {} failed: {}", description, e.getMessage());
                }
            }
        }
    }

    /** As {@link DatabaseUrl#embedded(Path)}. */
    public static String embeddedUrl(Path directory) {
        return DatabaseUrl.embedded(directory);
    }

    /** As {@link DatabaseUrl#inMemory(String)}. */
    public static String inMemoryUrl(String name) {
        return DatabaseUrl.inMemory(name);
    }

    private static void secureFiles(Path databaseFile) {
        // H2 names its files <name>.mv.db, <name>.lock.db, <name>.trace.db; the password is <name>.db-password.
        OwnerOnlyFiles.secureFiles(databaseFile.getParent(), databaseFile.getFileName() + ".");
    }

    /** The JDBI instance to give to {@link JdbiUnitOfWork} and to every repository. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** How the repositories on this database lock the rows they read. */
    RowLocking rowLocking() {
        return rowLocking;
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
            return new Health(false, Failures.rootMessage(e));
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

    private static Jdbi createJdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        // Last, so that JDBI asks it first.
        jdbi.registerArgument(new SharedArgumentPreparation());
        // JDBI's default message lists the bound values: addresses and token hashes do not belong in logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Failures::messageWithoutValues);
        return jdbi;
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

    /** As {@link DatabaseUrl#describe(String)}. */
    static String describe(String url) {
        return DatabaseUrl.describe(url);
    }
}
