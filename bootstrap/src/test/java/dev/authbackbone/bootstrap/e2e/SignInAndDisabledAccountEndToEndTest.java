package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.Main;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Magic links are single use and expire; a disabled account can do nothing until re-enabled. */
@OnEveryDatabase
class SignInAndDisabledAccountEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void magicLink_isSingleUse_andItsPageGetConsumesNothing() {
        try (TestServer server = TestServer.start(database)) {
            server.postJson("/api/auth/magic-link", "{\"email\":\"erin@example.com\"}");
            String token = server.lastTokenMailedTo("erin@example.com");

            assertThat(server.get("/auth/magic-link?token=" + token, null).status()).isEqualTo(200);
            assertThat(server.get("/auth/magic-link?token=" + token, null).status()).isEqualTo(200);

            Answer verified = verify(server, token);
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.header("Cache-Control")).isEqualTo("no-store");
            assertThat(verified.json().get("token_type").asText()).isEqualTo("bearer");
            assertThat(verified.json().get("expires_in").asInt()).as("the default lifetime, 15 minutes").isEqualTo(900);
            assertThat(server.get("/api/auth/me", verified.json().get("access_token").asText()).status()).isEqualTo(200);

            assertThat(verify(server, token).status()).isEqualTo(400);
        }
    }

    @Test
    void magicLink_expires() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("AUTH_MAGIC_LINK_TTL", "1s"))) {
            server.postJson("/api/auth/magic-link", "{\"email\":\"late@example.com\"}");
            String token = server.lastTokenMailedTo("late@example.com");
            Thread.sleep(1_200);

            Answer answer = verify(server, token);
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("detail").isTextual()).isTrue();
        }
    }

    @Test
    void disabledAccount_cannotSignInResendOrLink_untilReEnabledFromTheCommandLine() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            String id = server.openAccount("frank@example.com");
            String access = TestServer.accessToken(id);
            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"frank.two@example.org\"}", access);
            Map<String, String> env = Map.of("AUTH_DB_URL", server.dbUrl, "AUTH_DATA_DIR", server.dataDir.toString(),
                    "AUTH_JWT_SECRET", TestServer.SECRET);

            assertThat(cli(env, "accounts", "disable", "Frank@Example.com").exitCode()).isZero();

            server.postJson("/api/auth/magic-link", "{\"email\":\"frank@example.com\"}");
            String noticeText = TestServer.text(server.mailsTo("frank@example.com").get(0));
            assertThat(noticeText).doesNotContain("token=");
            // Disabling ended the account's sessions: its access token is refused outright.
            assertThat(server.postJson("/auth/send-email-confirmation", "{}", access).status()).isEqualTo(401);
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"frank.three@example.org\"}", access).status())
                    .isEqualTo(401);
            assertThat(server.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + server.lastTokenMailedTo("frank.two@example.org") + "\"}").status()).isEqualTo(400);

            assertThat(cli(env, "accounts", "enable", id).exitCode()).isZero();

            // Enabling revives no session; the link tried while disabled was spent. A new sign-in works,
            // and with it linking and re-sending.
            assertThat(server.get("/api/auth/me", access).status()).isEqualTo(401);
            server.postJson("/api/auth/magic-link", "{\"email\":\"frank@example.com\"}");
            Answer signedIn = verify(server, server.lastTokenMailedTo("frank@example.com"));
            assertThat(signedIn.status()).isEqualTo(200);
            String fresh = signedIn.json().get("access_token").asText();
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"frank.three@example.org\"}", fresh).status())
                    .isEqualTo(202);
            assertThat(server.postJson("/auth/send-email-confirmation", "{}", fresh).status()).isEqualTo(200);
        }
    }

    @Test
    void commandLine_unknownAccount_isReportedAndChangesNothing() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            server.openAccount("gina@example.com");
            Map<String, String> env = Map.of("AUTH_DB_URL", server.dbUrl, "AUTH_DATA_DIR", server.dataDir.toString());

            Cli unknown = cli(env, "accounts", "disable", "nobody@example.com");
            Cli garbage = cli(env, "accounts", "disable", "00000000-0000-4000-8000-000000000000");

            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("no account").contains("nothing changed");
            assertThat(garbage.exitCode()).isEqualTo(1);
            assertThat(server.count("select count(*) from account where disabled")).isZero();
            assertThat(cli(env, "accounts", "explode").exitCode()).isEqualTo(2);
        }
    }

    private static Answer verify(TestServer server, String token) {
        return server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + token + "\"}");
    }

    record Cli(int exitCode, String out, String err) {}

    /** Runs the jar's command line in-process, as {@code java -jar auth-backbone.jar …} would. */
    private static Cli cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.command(List.of(args), new HashMap<>(env),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
