package dev.authbackbone.adapter.out.persistence;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;

/**
 * A migrated database for one test class: a fresh in-memory H2, or a fresh schema in the PostgreSQL
 * named by {@code AUTH_TEST_POSTGRES_URL} (dropped again on close).
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "AUTH_TEST_POSTGRES_URL";
    static final int POOL_SIZE = 8;
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private final Database database;
    private final String url;
    private final Runnable dropAction;

    private TestDatabase(Database database, String url, Runnable dropAction) {
        this.database = database;
        this.url = url;
        this.dropAction = dropAction;
    }

    static TestDatabase h2() {
        String url = Database.inMemoryUrl("test_" + UUID.randomUUID().toString().replace("-", ""));
        return new TestDatabase(Database.open(url, "sa", "", POOL_SIZE), url, () -> { });
    }

    /** A fresh schema on PostgreSQL; without the variable the calling test class is skipped. */
    static TestDatabase postgres() {
        PostgresSchema schema = PostgresSchema.create();
        try {
            return new TestDatabase(Database.open(schema.url(), null, null, POOL_SIZE), schema.url(), schema::drop);
        } catch (RuntimeException e) {
            schema.drop();
            throw e;
        }
    }

    /** The base URL of the test PostgreSQL, or a skipped test (announced once per run on stdout). */
    static String postgresBaseUrl() {
        String base = System.getenv(POSTGRES_URL_VARIABLE);
        boolean present = base != null && !base.isBlank();
        if (!present && SKIP_ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("PostgreSQL tests skipped: set " + POSTGRES_URL_VARIABLE
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run them.");
        }
        assumeTrue(present, POSTGRES_URL_VARIABLE + " is not set; PostgreSQL tests skipped");
        return base;
    }

    Database database() {
        return database;
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    String url() {
        return url;
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Empties every table, for a fresh fixture per test without a fresh database per test. */
    void wipe() {
        jdbi().useHandle(h -> {
            for (String table : new String[] {"refresh_token", "user_session", "email_identity", "account", "email_token", "email_request",
                    "email_quota_lock", "audit_event"}) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            dropAction.run();
        }
    }

    /** A schema of its own in the test PostgreSQL, so runs never see each other's rows. */
    record PostgresSchema(String baseUrl, String name) {

        static PostgresSchema create() {
            String base = postgresBaseUrl();
            PostgresSchema schema = new PostgresSchema(base,
                    "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT));
            schema.execute("CREATE SCHEMA " + schema.name());
            return schema;
        }

        String url() {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }

        private void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(baseUrl);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test PostgreSQL: " + e.getMessage(), e);
            }
        }
    }
}
