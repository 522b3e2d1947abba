package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * A {@link Database} opened (and so migrated) on a {@link FreshDatabase} of one {@link TestDatabase}
 * kind, for the test classes of this adapter: opened once per database a class runs on, emptied
 * between tests, and dropped on close.
 */
final class MigratedDatabase implements AutoCloseable {

    static final int POOL_SIZE = 8;

    private final TestDatabase kind;
    private final FreshDatabase fresh;
    private final Database database;

    private MigratedDatabase(TestDatabase kind, FreshDatabase fresh, Database database) {
        this.kind = kind;
        this.fresh = fresh;
        this.database = database;
    }

    /** For {@link OnEveryMigratedDatabase}: each available database, opened only when JUnit reaches it. */
    static Stream<MigratedDatabase> onEveryDatabase() {
        return TestDatabase.AVAILABLE.stream().map(MigratedDatabase::on);
    }

    /** A fresh database of {@code kind}, migrated. */
    static MigratedDatabase on(TestDatabase kind) {
        FreshDatabase fresh = kind.fresh();
        try {
            return new MigratedDatabase(kind, fresh, Database.open(fresh.url(), fresh.user(), fresh.isPostgres() ? null : "", POOL_SIZE));
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    Database database() {
        return database;
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** A second pool on the same database, opened as a restarted server opens it (migrating it if it must). */
    Database reopen() {
        return Database.open(fresh.url(), fresh.user(), fresh.isPostgres() ? null : "", POOL_SIZE);
    }

    boolean isPostgres() {
        return fresh.isPostgres();
    }

    /** Empties every table, for a fresh fixture per test without a fresh database per test. */
    void wipe() {
        jdbi().useHandle(h -> {
            for (String table : new String[] {"signing_key", "refresh_token", "user_session", "email_identity", "account", "email_token",
                    "email_request", "email_quota_lock", "audit_event", "primary_undo"}) {
                h.execute("DELETE FROM " + table);
            }
        });
    }

    /** The database's name, as the test report shows each run of a class. */
    @Override
    public String toString() {
        return kind.toString();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            fresh.close();
        }
    }

    /** How many versioned migrations the module ships: each must be applied exactly once. */
    static int migrationFiles() {
        return shippedVersions().size();
    }

    /** The version of the newest migration the module ships. */
    static int newestMigration() {
        return shippedVersions().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The major version of every versioned script under {@code db/migration}. */
    private static java.util.List<Integer> shippedVersions() {
        java.util.regex.Pattern script = java.util.regex.Pattern.compile("V(\\d+)(_\\d+)*__.*\\.sql");
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                MigratedDatabase.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> script.matcher(f.getFileName().toString()))
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
