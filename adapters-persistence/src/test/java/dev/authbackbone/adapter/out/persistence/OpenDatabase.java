package dev.authbackbone.adapter.out.persistence;

import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestDatabase} for one test class, opened before its tests and closed (its PostgreSQL
 * schema dropped) after them: {@code @RegisterExtension static final OpenDatabase db = OpenDatabase.h2();}.
 */
final class OpenDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<TestDatabase> opener;
    private TestDatabase database;

    private OpenDatabase(Supplier<TestDatabase> opener) {
        this.opener = opener;
    }

    static OpenDatabase h2() {
        return new OpenDatabase(TestDatabase::h2);
    }

    /** On PostgreSQL; without {@code AUTH_TEST_POSTGRES_URL} the class is skipped. */
    static OpenDatabase postgres() {
        return new OpenDatabase(TestDatabase::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = opener.get();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
    }

    TestDatabase get() {
        return database;
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    void wipe() {
        database.wipe();
    }
}
