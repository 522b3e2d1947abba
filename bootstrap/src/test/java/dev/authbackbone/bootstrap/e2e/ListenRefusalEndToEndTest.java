package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.bootstrap.Main;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host or port the server cannot listen on stops it with one line that names the variable and
 * the real reason (the web framework calls every such failure "port already in use"), exit code 1:
 * a real {@code java} process of {@link Main}, as {@code java -jar} runs it. An SMTP host is set
 * so that the development inbox's loopback rule does not refuse the host first; nothing is sent.
 */
class ListenRefusalEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void hostThatDoesNotResolve_isNamedAsSuch() throws Exception {
        Refusal refusal = start(Map.of("AUTH_HTTP_HOST", "no-such-host.invalid", "AUTH_HTTP_PORT", "0"));

        assertThat(refusal.exit()).isEqualTo(1);
        assertThat(refusal.failureLine()).contains("AUTH_HTTP_HOST: cannot listen on no-such-host.invalid:0: the host name does not resolve")
                .doesNotContainIgnoringCase("already in use");
    }

    /** 192.0.2.1 is reserved for documentation: no machine has it, so the bind fails and nothing is exposed. */
    @Test
    void addressOfAnotherMachine_isNamedAsSuch() throws Exception {
        Refusal refusal = start(Map.of("AUTH_HTTP_HOST", "192.0.2.1", "AUTH_HTTP_PORT", "0"));

        assertThat(refusal.exit()).isEqualTo(1);
        assertThat(refusal.failureLine()).contains("AUTH_HTTP_HOST: cannot listen on 192.0.2.1:0: it is not an address of this machine");
    }

    @Test
    void portInUse_namesThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Refusal refusal = start(Map.of("AUTH_HTTP_HOST", "127.0.0.1", "AUTH_HTTP_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(refusal.exit()).isEqualTo(1);
            assertThat(refusal.failureLine()).contains("AUTH_HTTP_PORT: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": another process is listening on that port");
        }
    }

    private record Refusal(int exit, List<String> output) {
        String failureLine() {
            return output.stream().filter(line -> line.contains("could not start")).findFirst()
                    .orElseThrow(() -> new AssertionError("no 'could not start' line in " + output));
        }
    }

    private Refusal start(Map<String, String> settings) throws IOException, InterruptedException {
        ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        java.environment().keySet().removeIf(name -> name.startsWith("AUTH_"));
        java.environment().put("AUTH_DATA_DIR", dir.resolve("data").toString());
        java.environment().put("AUTH_DB_URL", "jdbc:h2:mem:listen-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
        java.environment().put("AUTH_SMTP_HOST", "127.0.0.1");
        java.environment().put("AUTH_PUBLIC_BASE_URL", "http://127.0.0.1:8080");
        java.environment().putAll(settings);
        java.redirectErrorStream(true);
        Process process = java.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server started instead of refusing");
        }
        return new Refusal(process.exitValue(), output.lines().toList());
    }
}
