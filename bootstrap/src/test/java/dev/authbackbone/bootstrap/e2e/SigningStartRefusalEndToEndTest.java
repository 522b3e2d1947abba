package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.bootstrap.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
        Refusal refusal = start(Map.of("AUTH_JWT_SECRET", "only-twenty-bytes!!!"));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_SECRET: too short (20 bytes); expected at least 32 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"25h", "48h", "2d"})
    void accessTokenTtlOverADay_stopsTheStartWithOneLineQuotingTheValueAsGiven(String given) throws Exception {
        Refusal refusal = start(Map.of("AUTH_ACCESS_TOKEN_TTL", given));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_ACCESS_TOKEN_TTL: cannot use \"" + given + "\"; expected a duration of at most 24h");
    }

    @Test
    void secretAndKeyFileTogether_stopTheStartWithOneLine() throws Exception {
        Refusal refusal = start(Map.of("AUTH_JWT_SECRET", "a".repeat(40), "AUTH_JWT_PRIVATE_KEY_FILE", "/etc/key.pem"));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).singleElement().asString().startsWith("AUTH_JWT_SECRET and AUTH_JWT_PRIVATE_KEY_FILE are both set");
    }

    @Test
    void missingKeyFile_stopsTheStartWithOneLine() throws Exception {
        Refusal refusal = start(Map.of("AUTH_JWT_PRIVATE_KEY_FILE", dir.resolve("absent.pem").toString()));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_PRIVATE_KEY_FILE: cannot use \"" + dir.resolve("absent.pem")
                + "\"; expected a readable PKCS#8 PEM file");
        assertThat(refusal.stdout()).as("refused before the start-up block, the database or the inbox").isEmpty();
    }

    @Test
    void keyFileWithAnEcKey_stopsTheStartWithOneLineThatQuotesNoKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] pkcs8 = ec.generateKeyPair().getPrivate().getEncoded();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
        Path file = Files.writeString(dir.resolve("ec.pem"), pem);

        Refusal refusal = start(Map.of("AUTH_JWT_PRIVATE_KEY_FILE", file.toString()));

        assertThat(refusal.exit()).isEqualTo(2);
        assertThat(refusal.stderr()).containsExactly("AUTH_JWT_PRIVATE_KEY_FILE: cannot use \"" + file
                + "\"; expected an RSA private key of at least 2048 bits in PKCS#8 PEM");
        assertThat(refusal.stdout()).isEmpty();
    }

    private record Refusal(int exit, List<String> stderr, List<String> stdout) {
    }

    private Refusal start(Map<String, String> settings) throws IOException, InterruptedException {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        java.environment().keySet().removeIf(name -> name.startsWith("AUTH_"));
        java.environment().put("AUTH_HTTP_PORT", "0");
        java.environment().put("AUTH_DATA_DIR", dir.resolve("data").toString());
        java.environment().put("AUTH_DB_URL", "jdbc:h2:mem:refusal-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        java.environment().putAll(settings);
        Path stdout = dir.resolve("stdout-" + UUID.randomUUID() + ".txt");
        java.redirectOutput(stdout.toFile());
        Process process = java.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server started instead of refusing");
        }
        return new Refusal(process.exitValue(), stderr.lines().filter(line -> !line.isBlank()).toList(),
                Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList());
    }
}
