package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.bootstrap.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signing settings the server cannot honour stop it at start with one clear line on stderr and
 * exit code 2: a real {@code java} process of {@link Main}, as {@code java -jar} runs it.
 */
class SigningStartRefusalEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void tooShortLegacySecret_stopsTheStartWithOneLine() throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_JWT_SECRET", "only-twenty-bytes!!!"));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_SECRET: too short (20 bytes); expected at least 32 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25h", "48h", "2d"})
    void accessTokenTtlOverADay_stopsTheStartWithOneLineQuotingTheValueAsGiven(String given) throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_ACCESS_TOKEN_TTL", given));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_ACCESS_TOKEN_TTL: cannot use \"" + given + "\"; expected a duration of at most 24h");
    }

    @Test
    void secretAndKeyFileTogether_stopTheStartWithOneLine() throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_JWT_SECRET", "a".repeat(40), "AUTH_JWT_PRIVATE_KEY_FILE", "/etc/key.pem"));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).singleElement().asString().startsWith("AUTH_JWT_SECRET and AUTH_JWT_PRIVATE_KEY_FILE are both set");
    }

    @Test
    void missingKeyFile_stopsTheStartWithOneLine() throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_JWT_PRIVATE_KEY_FILE", dir.resolve("absent.pem").toString()));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_PRIVATE_KEY_FILE: cannot use \"" + dir.resolve("absent.pem")
                + "\"; expected a readable PKCS#8 PEM file");
        assertThat(refusal.stdout()).as("refused before the start-up block, the database or the inbox").isEmpty();
    }

    @Test
    void keyFileWithAnEcKey_stopsTheStartWithOneLineThatQuotesNoKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path file = pemFile("ec.pem", ec);

        StartRefusal refusal = start(Map.of("AUTH_JWT_PRIVATE_KEY_FILE", file.toString()));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_PRIVATE_KEY_FILE: cannot use \"" + file
                + "\"; expected an RSA private key of at least 2048 bits in PKCS#8 PEM");
        assertThat(refusal.stdout()).isEmpty();
    }

    /** The line named the key's own size as what was expected (an outside probe). */
    @Test
    void keyFileWithA1024BitKey_stopsTheStartWithOneLineNamingGivenAndExpectedApart() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Path file = pemFile("rsa1024.pem", rsa);

        StartRefusal refusal = start(Map.of("AUTH_JWT_PRIVATE_KEY_FILE", file.toString()));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_PRIVATE_KEY_FILE: cannot use \"" + file
                + "\", an RSA key of 1024 bits; expected an RSA key of at least 2048 bits");
    }

    /** A PKCS#8 PEM file named {@code name} holding a private key fresh from {@code generator}. */
    private Path pemFile(String name, KeyPairGenerator generator) throws IOException {
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        return Files.writeString(dir.resolve(name),
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n");
    }

    private StartRefusal start(Map<String, String> settings) throws IOException, InterruptedException {
        return StartRefusal.start(dir, settings);
    }
}
