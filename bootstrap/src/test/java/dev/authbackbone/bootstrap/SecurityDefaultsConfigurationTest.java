package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authbackbone.adapter.out.mail.SmtpSettings.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The configuration refuses what would expose the server, and says what it accepts. Nothing here
 * binds a socket: the refusals happen while the configuration is read, before anything starts.
 */
class SecurityDefaultsConfigurationTest {

    @Test
    void publicBindWithoutSmtpHost_isRefusedWithOneLine_beforeAnythingStarts() {
        for (String host : List.of("0.0.0.0", "::", "192.0.2.10", "auth.example.com")) {
            assertThatThrownBy(() -> Main.serve(Map.of("AUTH_HTTP_HOST", host, "AUTH_HTTP_PORT", "0")))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("AUTH_HTTP_HOST: cannot use \"" + host + "\" without AUTH_SMTP_HOST")
                    .hasMessageContaining("development inbox")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void publicBindWithoutSmtpHost_operatorCommandPrintsTheLineAndExits2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.command(List.of("keys", "rotate"), Map.of("AUTH_HTTP_HOST", "0.0.0.0"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("AUTH_HTTP_HOST: cannot use \"0.0.0.0\"").hasLineCount(1);
    }

    @Test
    void operatorCommandWithADatabaseThatDoesNotAnswer_printsOneLineAndExits1() throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.command(List.of("accounts", "create", "x@example.com"),
                Map.of("AUTH_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nope", "AUTH_DB_CONNECT_TIMEOUT", "1s"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("auth-backbone: the command failed: ")
                .hasLineCount(1).doesNotContain("\tat ");
    }

    /**
     * Run from a folder without the server's database, a command opened a new, empty one: "keys
     * rotate" then reported a rotation no server would see (an outside probe). It refuses instead.
     */
    @Test
    void operatorCommandsWhereThereIsNoDatabase_refuseAndCreateNothing(@TempDir Path folder) {
        Path data = folder.resolve("data");
        for (List<String> command : List.of(List.of("keys", "rotate"), List.of("accounts", "disable", "x@example.com"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.command(command, Map.of("AUTH_DATA_DIR", data.toString()),
                    new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(code).as(String.join(" ", command)).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("no database at").contains("nothing changed").hasLineCount(1);
        }
        assertThat(data.resolve("auth-backbone.mv.db")).doesNotExist();
    }

    @Test
    void helpAsked_printsTheUsageToStandardOutput_andExits0() {
        for (String asked : List.of("help", "--help", "-h")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.command(List.of(asked), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream()));

            assertThat(code).as(asked).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ");
        }
    }

    @Test
    void unknownOperatorCommand_saysWhatWasNotUnderstood_thenTheUsage_andExits2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.command(List.of("accounts", "list"), Map.of(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("not a command: accounts list" + System.lineSeparator() + "usage: ");
    }

    @Test
    void loopbackBindsWithoutSmtpHost_andAnyBindWithSmtpHost_areAccepted() {
        for (String host : List.of("127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2")) {
            assertThat(Configuration.load(Map.of("AUTH_HTTP_HOST", host)).http().host()).isEqualTo(host);
        }
        assertThat(Configuration.load(Map.of("AUTH_HTTP_HOST", "0.0.0.0", "AUTH_SMTP_HOST", "smtp.example.com"))
                .http().host()).isEqualTo("0.0.0.0");
    }

    @Test
    void smtpTransport_defaultsToStartTlsForARemoteHost_andToPlainSmtpOnLoopback() {
        Configuration remote = Configuration.load(Map.of("AUTH_SMTP_HOST", "smtp.example.com"));
        Configuration loopback = Configuration.load(Map.of("AUTH_SMTP_HOST", "127.0.0.1"));
        Configuration chosen = Configuration.load(Map.of("AUTH_SMTP_HOST", "smtp.example.com", "AUTH_SMTP_TRANSPORT", "smtp"));

        assertThat(remote.mail().smtp().orElseThrow().transport()).isEqualTo(Transport.STARTTLS);
        assertThat(remote.mail().smtp().orElseThrow().port()).isEqualTo(587);
        assertThat(loopback.mail().smtp().orElseThrow().transport()).isEqualTo(Transport.SMTP);
        assertThat(chosen.mail().smtp().orElseThrow().transport()).isEqualTo(Transport.SMTP);
        assertThat(Configuration.load(Map.of("AUTH_SMTP_HOST", "localhost")).mail().smtp().orElseThrow().transport())
                .isEqualTo(Transport.SMTP);
        // A name that only resolves to loopback is not trusted as loopback.
        assertThat(Configuration.load(Map.of("AUTH_SMTP_HOST", "127.0.0.1.nip.io")).mail().smtp().orElseThrow().transport())
                .isEqualTo(Transport.STARTTLS);
    }

    @Test
    void trustedProxies_listOfCidrs_isRead_andABadEntryStopsTheStartWithOneLine() {
        assertThat(Configuration.load(Map.of()).http().trustedProxies().toString()).isEqualTo("none");
        Configuration config = Configuration.load(Map.of("AUTH_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.7, fd00::/8"));
        assertThat(config.http().trustedProxies().isTrusted("10.20.30.40")).isTrue();
        assertThat(config.http().trustedProxies().isTrusted("fd12::1")).isTrue();
        assertThat(config.http().trustedProxies().isTrusted("192.168.1.8")).isFalse();

        for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "proxy.internal", "10.0.0.0/8,,", "::1/129", "300.1.1.1")) {
            assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_TRUSTED_PROXIES", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("AUTH_TRUSTED_PROXIES: cannot use \"" + bad + "\"; expected comma-separated IPv4 or IPv6 CIDR blocks")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void tokenIpLimit_hasADefault_andIsConfigurable() {
        assertThat(Configuration.human(Configuration.load(Map.of()).limits().tokenIp())).isEqualTo("30/1m");
        assertThat(Configuration.human(Configuration.load(Map.of("AUTH_RATE_LIMIT_TOKEN_IP", "100/1h")).limits().tokenIp()))
                .isEqualTo("100/1h");
    }

    @Test
    void limitsAndDurations_outOfRange_areRefusedWithTheRealRule() {
        String limitRule = "COUNT/DURATION such as 3/15m, where COUNT is a whole number from 1 to 999999999 and DURATION"
                + " is 1 to 9 digits and a unit (ms, s, m, h or d), greater than zero";
        for (String bad : List.of("1000000000/1s", "0/1m", "-1/1m", "5/0s", "5/1000000000s", "5/1w", "5")) {
            assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_RATE_LIMIT_EMAIL", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("AUTH_RATE_LIMIT_EMAIL: cannot use \"" + bad + "\"; expected " + limitRule);
        }
        assertThat(Configuration.load(Map.of("AUTH_RATE_LIMIT_EMAIL", "999999999/1s")).limits().email().count())
                .isEqualTo(999_999_999);

        String durationRule = "a duration of 1 to 9 digits and a unit (ms, s, m, h or d), greater than zero, such as 30s, 15m, 1h or 7d";
        for (String bad : List.of("0s", "1000000000s", "15", "1w", "-5m")) {
            assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_MAGIC_LINK_TTL", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("AUTH_MAGIC_LINK_TTL: cannot use \"" + bad + "\"; expected " + durationRule);
        }
        assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_HTTP_PORT", "70000")))
                .hasMessage("AUTH_HTTP_PORT: cannot use \"70000\"; expected a whole number from 0 to 65535");
    }

    @Test
    void plainSmtpWithALoginToARemoteHost_warnsAtStart_withoutThePassword() throws Exception {
        assertThat(startAndCaptureWarnings("smtp")).anyMatch(line -> line.contains("AUTH_SMTP_TRANSPORT=smtp")
                && line.contains("in clear")).noneMatch(line -> line.contains("s3cret-relay"));
        assertThat(startAndCaptureWarnings("starttls")).noneMatch(line -> line.contains("in clear"));
    }

    /** Starts the server (on loopback) with a login to a TEST-NET relay that is never contacted at start. */
    private static List<String> startAndCaptureWarnings(String transport) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_HTTP_PORT", "0");
        env.put("AUTH_DATA_DIR", Files.createTempDirectory("auth-backbone-smtp-warning").toString());
        env.put("AUTH_DB_URL", "jdbc:h2:mem:smtp-warning-" + transport
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        env.put("AUTH_SMTP_HOST", "192.0.2.25");
        env.put("AUTH_SMTP_TRANSPORT", transport);
        env.put("AUTH_SMTP_USERNAME", "relay-user");
        env.put("AUTH_SMTP_PASSWORD", "s3cret-relay");
        env.put("AUTH_JWT_SECRET", "a-test-secret-of-at-least-thirty-two-bytes");
        try (AuthBackbone server = Main.serve(env)) {
            return captured.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            root.detachAppender(captured);
        }
    }
}
