package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A restarted instance on PostgreSQL finds its data and does not migrate again. */
class PostgresRestartTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));

    @Test
    void open_sameSchemaAgain_keepsDataAndMigratesOnce() {
        FreshDatabase schema = TestDatabase.postgresSchema();
        try {
            try (Database first = Database.open(schema.url(), null, null, 2)) {
                new JdbiAccountRepository(first.jdbi()).open(Account.open(ADA, NOW), EmailAddress.parse("ada@example.com"), NOW);
            }

            try (Database second = Database.open(schema.url(), null, null, 2)) {
                JdbiAccountRepository accounts = new JdbiAccountRepository(second.jdbi());
                assertThat(accounts.findByEmail(EmailAddress.parse("ADA@example.com")).orElseThrow().id()).isEqualTo(ADA);
                int migrations = second.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL").mapTo(Integer.class).one());
                // Every migration, each once.
                assertThat(migrations).isEqualTo(MigratedDatabase.migrationFiles());
            }
        } finally {
            schema.close();
        }
    }
}
