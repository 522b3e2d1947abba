package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.sql.Connection;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the pool does to PostgreSQL connections, and what happens when one dies under it. */
class PostgresConnectionTest {

    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));

    @Test
    void everyPooledConnection_hasLockAndStatementTimeouts() {
        FreshDatabase schema = TestDatabase.postgresSchema();
        try (Database database = Database.open(schema.url(), null, null, 2)) {
            assertThat(show(database, "lock_timeout")).isEqualTo("10s");
            assertThat(show(database, "statement_timeout")).isEqualTo("15s");
        } finally {
            schema.close();
        }
    }

    @Test
    void connectionTerminatedByTheServer_failsAsStorageUnavailable_thenThePoolRecovers() {
        FreshDatabase schema = TestDatabase.postgresSchema();
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
            schema.close();
        }
    }

    private static void terminate(FreshDatabase schema, int pid) {
        schema.executeAsAdmin("SELECT pg_terminate_backend(" + pid + ")");
    }

    private static String show(Database database, String setting) {
        return database.jdbi().withHandle(h -> h.createQuery("SHOW " + setting).mapTo(String.class).one());
    }
}
