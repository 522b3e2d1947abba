package dev.authbackbone.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;

/** How the HikariCP pool is set up for each kind of database. */
final class ConnectionPool {

    /**
     * PostgreSQL waits for a row lock forever and lets a statement run forever; every connection of
     * the pool is told otherwise, so that a stuck lock or a runaway statement ends in a 503 rather
     * than in requests that hang and a pool that drains. The lock timeout matches H2's LOCK_TIMEOUT.
     */
    private static final String POSTGRES_SESSION = "SELECT set_config('lock_timeout', '10s', false),"
            + " set_config('statement_timeout', '15s', false)";

    /**
     * The longest the driver waits for any answer from the server. The server's own timeouts end a
     * stuck lock or statement, but not a server (or a network) that stops answering mid-query: then
     * requests and pooled connections waited for ever (an outside probe: 7 minutes and counting,
     * with readiness UP). Longer than the statement timeout, so a statement is always ended by the
     * server first.
     */
    static final Duration POSTGRES_SOCKET_TIMEOUT = Duration.ofSeconds(20);

    private ConnectionPool() {
    }

    /** The pool's settings for a completed {@code url}; user and password may be null (a PostgreSQL URL may carry them). */
    static HikariConfig config(String url, String user, String password, int poolSize, Duration connectionTimeout) {
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
        if (DatabaseUrl.isPostgres(url)) {
            // Server "Detail:" lines quote row values (addresses); keep them out of exception messages.
            config.addDataSourceProperty("logServerErrorDetail", "false");
            config.setConnectionInitSql(POSTGRES_SESSION);
            // Opening a connection (connect, then log in) within the connect timeout: a server that
            // takes the connection and never answers held the start and the operator commands.
            String connectSeconds = Long.toString(Math.max(1, (connectionTimeout.toMillis() + 999) / 1000));
            config.addDataSourceProperty("connectTimeout", connectSeconds);
            config.addDataSourceProperty("loginTimeout", connectSeconds);
            config.addDataSourceProperty("socketTimeout", Long.toString(POSTGRES_SOCKET_TIMEOUT.toSeconds()));
        }
        return config;
    }
}
