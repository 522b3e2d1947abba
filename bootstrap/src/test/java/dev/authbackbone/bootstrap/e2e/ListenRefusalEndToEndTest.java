package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host or port the server cannot listen on stops it with one line that names the variable and
 * the real reason (the web framework calls every such failure "port already in use"), exit code 1:
 * a real {@code java} process, as {@code java -jar} runs it ({@link StartRefusal}). An SMTP host is set
 * so that the development inbox's loopback rule does not refuse the host first; nothing is sent.
 */
class ListenRefusalEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void hostThatDoesNotResolve_isNamedAsSuch() throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_HTTP_HOST", "no-such-host.invalid", "AUTH_HTTP_PORT", "0"));

        assertThat(refusal.exit()).isEqualTo(1);
        assertThat(failureLine(refusal)).contains("AUTH_HTTP_HOST: cannot listen on no-such-host.invalid:0: the host name does not resolve")
                .doesNotContainIgnoringCase("already in use");
    }

    /** 192.0.2.1 is reserved for documentation: no machine has it, so the bind fails and nothing is exposed. */
    @Test
    void addressOfAnotherMachine_isNamedAsSuch() throws Exception {
        StartRefusal refusal = start(Map.of("AUTH_HTTP_HOST", "192.0.2.1", "AUTH_HTTP_PORT", "0"));

        assertThat(refusal.exit()).isEqualTo(1);
        assertThat(failureLine(refusal)).contains("AUTH_HTTP_HOST: cannot listen on 192.0.2.1:0: it is not an address of this machine");
    }

    @Test
    void portInUse_namesThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StartRefusal refusal = start(Map.of("AUTH_HTTP_HOST", "127.0.0.1", "AUTH_HTTP_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(refusal.exit()).isEqualTo(1);
            assertThat(failureLine(refusal)).contains("AUTH_HTTP_PORT: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": another process is listening on that port");
        }
    }

    private StartRefusal start(Map<String, String> settings) throws IOException, InterruptedException {
        return StartRefusal.start(dir, with(settings, "AUTH_SMTP_HOST", "127.0.0.1", "AUTH_PUBLIC_BASE_URL", "http://127.0.0.1:8080"));
    }

    /** The line the log writes when the start fails. */
    private static String failureLine(StartRefusal refusal) {
        return refusal.stdout().stream().filter(line -> line.contains("could not start")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'could not start' line in " + refusal.stdout()));
    }

    private static Map<String, String> with(Map<String, String> settings, String... more) {
        Map<String, String> all = new HashMap<>(settings);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
