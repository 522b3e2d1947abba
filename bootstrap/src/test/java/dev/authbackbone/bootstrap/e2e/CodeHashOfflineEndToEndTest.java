package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The attack: someone has read the database (a backup, a replica) and tries the codes of live
 * sign-in mails offline. A code has about 39 bits, so a hash of it that can be recomputed from the
 * row alone falls to a GPU in minutes, well within the 15 minutes a sign-in mail lives. Here the
 * attacker's search is played by its last step, the right code (read from the mail): recomputed
 * from the stolen row, it must not give the stored hash wherever the signing secret is kept outside
 * the database. Where the signing keys are in the database, the reader holds them and mints tokens
 * without any code; there the hash is salted only, as ADR 0016 says.
 */
@OnEveryDatabase
class CodeHashOfflineEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void signingKeyInAFile_storedCodeHashCannotBeRecomputedFromTheRow_andTheCodeSignsIn() throws Exception {
        KeyPair pair = StoredKeys.foreign();
        Path file = Files.createTempFile("jwt-key", ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        Map<String, String> settings = new HashMap<>(TestServer.WITH_KEYS);
        settings.put("AUTH_JWT_PRIVATE_KEY_FILE", file.toString());
        try (TestServer server = TestServer.start(database, settings)) {
            assertCodeHashNeedsTheKey(server, "file.key@example.com");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void legacySharedSecret_storedCodeHashCannotBeRecomputedFromTheRow_andTheCodeSignsIn() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            assertCodeHashNeedsTheKey(server, "shared.secret@example.com");
        }
    }

    @Test
    void signingKeysInTheDatabase_theRowsReaderHoldsThePrivateKeysAnyway() throws Exception {
        try (TestServer server = TestServer.start(database, TestServer.WITH_KEYS)) {
            String code = askToSignIn(server, "keys.in.db@example.com");

            assertThat(offlineHash(server, "keys.in.db@example.com", code)).isEqualTo(storedHash(server, "keys.in.db@example.com"));
            assertThat(server.count("select count(*) from signing_key")).as("what the reader holds besides").isPositive();
        }
    }

    private static void assertCodeHashNeedsTheKey(TestServer server, String email) throws Exception {
        String code = askToSignIn(server, email);

        assertThat(offlineHash(server, email, code)).isNotEqualTo(storedHash(server, email));
        assertThat(server.postJson("/api/auth/magic-link/verify-code",
                "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}").status()).isEqualTo(200);
    }

    private static String askToSignIn(TestServer server, String email) {
        assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        return server.lastCodeMailedTo(email);
    }

    private static String storedHash(TestServer server, String email) {
        return server.database.text("select code_hash from email_token where email_canonical = '" + email + "'");
    }

    /** What the attacker computes from the row: the salted PBKDF2 of a guess, with the row's salt, address and rounds. */
    private static String offlineHash(TestServer server, String email, String guess) throws Exception {
        byte[] salt = HexFormat.of().parseHex(
                server.database.text("select code_salt from email_token where email_canonical = '" + email + "'"));
        int rounds = (int) server.count("select code_rounds from email_token where email_canonical = '" + email + "'");
        byte[] address = email.getBytes(StandardCharsets.UTF_8);
        byte[] fullSalt = new byte[salt.length + 1 + address.length];
        System.arraycopy(salt, 0, fullSalt, 0, salt.length);
        System.arraycopy(address, 0, fullSalt, salt.length + 1, address.length);
        return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(guess.toCharArray(), fullSalt, rounds, 256)).getEncoded());
    }
}
