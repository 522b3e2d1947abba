package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The README's quickstart, from zero, on the default set-up (development inbox, embedded database):
 * once as HTTP calls from Java, and once by running the README's own shell block with curl.
 */
@OnEveryDatabase
class QuickstartEndToEndTest {

    @Parameter
    TestDatabase database;

    private static final Pattern LINK = Pattern.compile("/auth/(magic-link|confirm-email)\\?token=([A-Za-z0-9_-]{43})");

    @Test
    void signInLinkAnAddressConfirmItInTheBrowserAndSeeBoth() {
        try (TestServer server = TestServer.startWithDevInbox(database, Map.of())) {
            // Ask for a magic link; read it from the development inbox.
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}").status()).isEqualTo(202);
            String signInToken = newestLink(server, "magic-link");

            // The browser opens the link: a page with a button, nothing used yet.
            Answer page = server.get("/auth/magic-link?token=" + signInToken, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<form").contains("Sign in");

            // Pressing the button signs in; the page shows the access token.
            Answer signedIn = server.postForm("/auth/magic-link", "token=" + signInToken);
            assertThat(signedIn.status()).isEqualTo(200);
            assertThat(signedIn.header("Cache-Control")).isEqualTo("no-store");
            Matcher jwt = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").matcher(signedIn.body());
            assertThat(jwt.find()).as("the page shows an access token").isTrue();
            String access = jwt.group();

            // Link a second address and confirm it in the browser.
            Answer requested = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"ada.work@example.org\"}", access);
            assertThat(requested.status()).isEqualTo(202);
            String confirmToken = newestLink(server, "confirm-email");
            assertThat(server.get("/auth/confirm-email?token=" + confirmToken, null).body()).contains("Confirm")
                    .contains("<strong>ada.work@example.org</strong>");
            Answer confirmed = server.postForm("/auth/confirm-email", "token=" + confirmToken);
            assertThat(confirmed.status()).isEqualTo(200);

            // Both addresses, verified.
            JsonNode me = server.get("/api/auth/me", access).json();
            assertThat(me.get("emails").findValuesAsText("email")).containsExactly("ada@example.com", "ada.work@example.org");
            assertThat(me.get("emails").findValues("verified")).allMatch(JsonNode::asBoolean);
            assertThat(me.get("emails").get(0).get("primary").asBoolean()).isTrue();
        }
    }

    /** {@code ?to=} with a Unicode domain found nothing: the mail went to its ASCII form (an outside probe). */
    @Test
    void devMailboxByAddress_findsAnInternationalisedDomainInEitherSpelling() {
        try (TestServer server = TestServer.startWithDevInbox(database, Map.of())) {
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"anna@bücher.example\"}").status()).isEqualTo(202);

            String unicode = URLEncoder.encode("anna@bücher.example", StandardCharsets.UTF_8);
            JsonNode byUnicode = server.get("/dev/mailbox?format=json&to=" + unicode, null).json();
            JsonNode byAscii = server.get("/dev/mailbox?format=json&to=anna@xn--bcher-kva.example", null).json();

            assertThat(byUnicode).hasSize(1);
            assertThat(byAscii).hasSize(1);
            assertThat(server.get("/dev/mailbox?format=json&to=other@b%C3%BCcher.example", null).json()).isEmpty();
        }
    }

    @Test
    void theReadmesShellBlockRunsAsWritten() throws Exception {
        Assumptions.assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run the README's commands");
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("## Quickstart \\(curl\\).*?```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README has a quickstart shell block").isTrue();

        // Three runs in a row against one server, with the default limits: a newcomer runs it again.
        try (TestServer server = TestServer.startWithDevInbox(database, Map.of())) {
            String script = "set -euo pipefail\n" + block.group(1).replace("BASE=http://127.0.0.1:8080", "BASE=" + server.base);
            for (int run = 1; run <= 3; run++) {
                Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
                assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
                String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(bash.exitValue()).as("run %d:%n%s", run, output).isZero();
                assertThat(output).as("run %d", run)
                        .containsPattern("\"email\":\"ada\\.\\d+@example\\.com\",\"verified\":true,\"primary\":true")
                        .containsPattern("\"email\":\"ada\\.\\d+@example\\.org\",\"verified\":true,\"primary\":false")
                        .doesNotContain("curl:");
                // Every answer on a line of its own: four answers, four lines, none running into the next.
                assertThat(output.lines().filter(line -> line.startsWith("{")).count()).as("run %d", run).isEqualTo(4);
                assertThat(output).endsWith("}\n");
            }
        }
    }

    @Test
    void theReadmesShellBlock_showsARefusalInsteadOfHidingIt() throws Exception {
        Assumptions.assumeTrue(onPath("bash") && onPath("curl"), "bash and curl are needed to run the README's commands");
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        Matcher call = Pattern.compile("\\ncall\\(\\) \\{[^\\n]*\\}\\n").matcher(readme);
        assertThat(call.find()).as("the quickstart defines call()").isTrue();

        try (TestServer server = TestServer.startWithDevInbox(database, Map.of())) {
            String script = call.group() + "call -X POST " + server.base + "/api/auth/magic-link/verify"
                    + " -H 'Content-Type: application/json' -d '{\"token\":\"spent\"}'";
            Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(bash.exitValue()).as(output).isNotZero();
            assertThat(output).contains("{\"detail\":\"This sign-in link is invalid, has expired or has already been used.\"}\n")
                    .contains("400");
        }
    }

    private static String newestLink(TestServer server, String kind) {
        JsonNode mailbox = server.get("/dev/mailbox", null).json();
        for (JsonNode mail : mailbox) {
            for (JsonNode link : mail.get("links")) {
                Matcher m = LINK.matcher(link.asText());
                if (m.find() && m.group(1).equals(kind)) {
                    return m.group(2);
                }
            }
        }
        throw new AssertionError("no " + kind + " link in the development inbox: " + mailbox);
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("bootstrap"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("README.md not found above " + here);
    }

    private static boolean onPath(String command) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
