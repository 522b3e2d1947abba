package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.CodeHash;
import dev.authbackbone.domain.token.TokenHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Codes mailed before new codes were hashed with a single round keep the 1,000 rounds they were
 * hashed with, so that they still check after the upgrade until they expire.
 */
class CodeRoundsMigrationTest {

    private static final String SALT = "00112233445566778899aabbccddeeff";
    private static final String HASH = "ab".repeat(32);

    @Test
    void migrate_tokenWithCodeFromBeforeSingleRoundHashes_keepsItsThousandRounds() throws Exception {
        String url = "jdbc:h2:mem:code-rounds-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("15").load().migrate();
        String older = "1".repeat(64);
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO email_token (token_hash, purpose, email, email_canonical, issued_at, expires_at,"
                    + " code_salt, code_hash) VALUES ('" + older + "', 'SIGN_IN', 'ada@example.com', 'ada@example.com',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-01 10:00:00Z', TIMESTAMP WITH TIME ZONE '2026-03-01 10:15:00Z',"
                    + " '" + SALT + "', '" + HASH + "')");
        }

        try (Database database = Database.open(url, "sa", "", 1)) {
            JdbiEmailTokenRepository tokens = new JdbiEmailTokenRepository(database.jdbi());

            assertThat(tokens.find(new TokenHash(older)).orElseThrow().code()).contains(new CodeHash(SALT, HASH, 1_000));
            assertThat(tokens.find(new TokenHash(older)).orElseThrow().email()).isEqualTo(EmailAddress.parse("ada@example.com"));
        }
    }
}
