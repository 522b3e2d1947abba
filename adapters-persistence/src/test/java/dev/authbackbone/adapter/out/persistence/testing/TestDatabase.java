package dev.authbackbone.adapter.out.persistence.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases the tests run on (the persistence adapter's and the end-to-end ones): H2 always, and PostgreSQL when
 * {@code AUTH_TEST_POSTGRES_URL} names one (each server then gets a fresh schema of its own, so
 * runs never see each other's rows). Classes run on every one of them through {@link OnEveryDatabase}.
 */
public enum TestDatabase {

    H2("H2"),
    POSTGRESQL("PostgreSQL");

    public static final String POSTGRES_URL_VARIABLE = "AUTH_TEST_POSTGRES_URL";

    /** What every end-to-end class runs on; read by {@link OnEveryDatabase}. */
    public static final List<TestDatabase> AVAILABLE = available();

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final String displayName;

    TestDatabase(String displayName) {
        this.displayName = displayName;
    }

    private static List<TestDatabase> available() {
        if (postgresBaseUrl() != null) {
            return List.of(H2, POSTGRESQL);
        }
        // Once per run: a developer without PostgreSQL sees what did not run, and why.
        System.out.println("PostgreSQL tests skipped: set " + POSTGRES_URL_VARIABLE
                + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run every database test on it too.");
        return List.of(H2);
    }

    /** The test PostgreSQL's URL; null when not given. */
    public static String postgresBaseUrl() {
        String url = System.getenv(POSTGRES_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url.strip();
    }

    /**
     * A new, empty database: a private in-memory H2 (kept while the JVM lives, so a server can be
     * restarted on it), or a new schema in the test PostgreSQL. Close it to drop it.
     */
    public FreshDatabase fresh() {
        return switch (this) {
            case H2 -> FreshDatabase.h2("jdbc:h2:mem:e2e-" + UUID.randomUUID() + H2_SETTINGS + ";DB_CLOSE_DELAY=-1", true);
            case POSTGRESQL -> FreshDatabase.postgres(postgresBaseUrl(), "e2e_" + UUID.randomUUID().toString()
                    .replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT));
        };
    }

    /**
     * A new database that outlives every process using it: an H2 file, as the server's default, or
     * (PostgreSQL being a server anyway) a new schema.
     */
    public FreshDatabase durable() {
        if (this == POSTGRESQL) {
            return fresh();
        }
        try {
            Path directory = Files.createTempDirectory("auth-backbone-e2e-db");
            return FreshDatabase.h2("jdbc:h2:file:" + directory.toAbsolutePath().resolve("auth-backbone") + H2_SETTINGS
                    + ";LOCK_TIMEOUT=10000", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty schema in the test PostgreSQL; without {@code AUTH_TEST_POSTGRES_URL} the calling test is skipped. */
    public static FreshDatabase postgresSchema() {
        assumeTrue(postgresBaseUrl() != null, POSTGRES_URL_VARIABLE + " is not set; PostgreSQL tests skipped");
        return POSTGRESQL.fresh();
    }

    @Override
    public String toString() {
        return displayName;
    }
}
