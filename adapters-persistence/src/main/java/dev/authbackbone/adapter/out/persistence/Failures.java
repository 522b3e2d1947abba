package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Sorts a failed database call into an outage, which the caller may retry ({@link
 * StorageUnavailableException}, answered 503), or a fault of ours ({@link DatabaseException},
 * answered 500), so that a bug is never disguised as an outage nor an outage reported as a bug.
 */
final class Failures {

    /** What clients are told to wait: a restarting database or a failing-over pool is back within seconds. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * SQLSTATE prefixes that mean "not now" rather than "wrong": connection exceptions (08), too
     * many connections or no memory or disk (53), the server shutting down or starting (57P), a
     * statement or lock timeout (57014, 55P03), serialization failures and deadlocks (40001, 40P01),
     * and H2's lock timeout (HYT00), broken connection (90067) and closed database (90098, 90121).
     */
    private static final List<String> TRANSIENT_STATES = List.of(
            "08", "53", "57P", "57014", "55P03", "40001", "40P01", "HYT00", "90067", "90098", "90121");

    private static final int SQL_IN_MESSAGES_LIMIT = 200;

    /** The message of every call on a pooled connection HikariCP has closed (its {@code ClosedConnection}). */
    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private Failures() {
    }

    /** The exception to throw across the port for {@code e}, which happened while doing {@code what}. */
    static RuntimeException translate(String what, JdbiException e) {
        if (isOutage(e)) {
            return new StorageUnavailableException("database unavailable while " + what + ": " + e.getMessage(),
                    RETRY_AFTER, e);
        }
        return new DatabaseException(what + " failed: " + e.getMessage(), e);
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // JDBI reports every failure to obtain a connection this way: pool closed, timed out, refused.
            if (t instanceof ConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
            // HikariCP's stand-in for a connection it evicted as broken while a request still held
            // it says only this, with no SQLSTATE: a cut mid-request answered 500 (an outside probe).
            if (t instanceof SQLException sql && sql.getSQLState() == null
                    && HIKARI_CLOSED_CONNECTION.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message: what went wrong, without the layers of wrappers around it. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** JDBI's message without the bound values: addresses and token hashes do not belong in logs. */
    static String messageWithoutValues(StatementException e) {
        StatementContext ctx = e.getStatementContext();
        String sql = ctx == null || ctx.getRawSql() == null ? "" : ctx.getRawSql();
        if (sql.length() > SQL_IN_MESSAGES_LIMIT) {
            sql = sql.substring(0, SQL_IN_MESSAGES_LIMIT) + "...";
        }
        return e.getShortMessage() + (sql.isEmpty() ? "" : " [statement: \"" + sql + "\"]");
    }
}
