package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the pool does to PostgreSQL connections, and what happens when one dies under it. */
class PostgresConnectionTest {

    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));

    @Test
    void everyPooledConnection_hasLockAndStatementTimeouts() {
        TestDatabase.PostgresSchema schema = TestDatabase.PostgresSchema.create();
        try (Database database = Database.open(schema.url(), null, null, 2)) {
            assertThat(show(database, "lock_timeout")).isEqualTo("10s");
            assertThat(show(database, "statement_timeout")).isEqualTo("30s");
        } finally {
            schema.drop();
        }
    }

    @Test
    void connectionTerminatedByTheServer_failsAsStorageUnavailable_thenThePoolRecovers() {
        TestDatabase.PostgresSchema schema = TestDatabase.PostgresSchema.create();
        try (Database database = Database.open(schema.url(), null, null, 1)) {
            JdbiAccountRepository accounts = new JdbiAccountRepository(database);

            // The connection dies in the middle of a unit of work, as when the server restarts.
            assertThatThrownBy(() -> new JdbiUnitOfWork(database).inTransaction(() -> {
                int pid = database.jdbi().withHandle(h -> h.createQuery("SELECT pg_backend_pid()").mapTo(Integer.class).one());
                terminate(schema, pid);
                return accounts.find(ADA);
            })).isInstanceOf(StorageUnavailableException.class);

            assertThat(accounts.find(ADA)).isEmpty();
        } finally {
            schema.drop();
        }
    }

    private static void terminate(TestDatabase.PostgresSchema schema, int pid) {
        try (Connection admin = DriverManager.getConnection(schema.baseUrl());
             PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Database database, String setting) {
        return database.jdbi().withHandle(h -> h.createQuery("SHOW " + setting).mapTo(String.class).one());
    }
}
