package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract between /openapi.json and the server: real requests for every documented operation
 * and every documented answer that can be provoked, each real response (status, headers, body)
 * validated against the document by the Atlassian validator, so neither can drift from the other.
 */
class OpenApiContractTest {

    /**
     * Documented, but only a race reaches them: the address must be verified by another account
     * between the token's consumption and the insert, and confirming revokes every other token of
     * the address, so no sequential request can get there.
     */
    private static final Set<String> ONLY_BY_A_RACE = Set.of("POST /api/auth/confirm-email 409", "POST /auth/confirm-email 409",
            // Disabling an account ends its sessions, so its tokens get 401 from then on; 403 is left
            // for a request that passed the session check just before the disable committed.
            "GET /api/auth/me 403", "GET /api/auth/me/events 403", "POST /api/auth/request-email-confirmation 403",
            "POST /api/auth/emails/primary 403", "POST /api/auth/emails/remove 403");

    /**
     * Documented, and provoked only on PostgreSQL (the embedded H2 lives inside the server's
     * process and cannot become unreachable): the 503 of a route that needs the database and has
     * no other 503. CI always runs with PostgreSQL.
     */
    private static final Set<String> ONLY_IN_A_DATABASE_OUTAGE = Set.of(
            "POST /api/auth/magic-link/verify 503", "GET /api/auth/me 503", "GET /api/auth/me/events 503",
            "POST /api/auth/confirm-email 503", "GET /auth/confirm-email 503", "POST /auth/confirm-email 503",
            "POST /auth/magic-link 503", "POST /api/auth/token/refresh 503", "POST /api/auth/sign-out 503",
            "POST /api/auth/sign-out-everywhere 503", "GET /api/auth/sessions 503", "DELETE /api/auth/sessions/{id} 503",
            "POST /api/auth/emails/remove 503", "POST /auth/undo 503", "POST /api/auth/magic-link/verify-code 503",
            "POST /api/auth/confirm-email-code 503", "POST /auth/magic-link/code 503");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOO_LARGE = "{\"email\":\"" + "a".repeat(17 * 1024) + "@example.com\"}";

    private static TestServer server;
    private static TestServer mailDown;
    private static TestServer devInbox;
    private static TestServer tokenLimited;
    private static TestServer withKeys;
    private static String document;
    private static OpenApiInteractionValidator validator;
    private final Set<String> covered = new TreeSet<>();
    private final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(TestDatabase.H2);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        mailDown = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(closedPort), "AUTH_SMTP_BREAKER_WAIT", "60s"));
        devInbox = TestServer.startWithDevInbox(TestDatabase.H2, Map.of());
        tokenLimited = TestServer.start(TestDatabase.H2, Map.of("AUTH_RATE_LIMIT_TOKEN_IP", "1/15m"));
        withKeys = TestServer.start(TestDatabase.H2, TestServer.WITH_KEYS);
        document = server.get("/openapi.json", null).body();
        // The document exactly as served, for the OpenAPI linter that .ci/run runs after the build.
        Files.writeString(Path.of("target", "openapi.json"), document, StandardCharsets.UTF_8);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
    }

    @AfterAll
    static void stop() {
        for (TestServer s : new TestServer[] {server, mailDown, devInbox, tokenLimited, withKeys}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void everyDocumentedOperationAndAnswer_isWhatTheServerReallySends() throws Exception {
        String ada = TestServer.accessToken(server.openAccount("ada@example.com"));
        String eve = server.openAccount("eve@example.com");
        String disabled = TestServer.accessToken(eve);
        server.app.accounts().setDisabled(eve, true);
        String lonely = TestServer.accessToken(server.openAccount("lonely@example.com"));

        // Sign-in by JSON.
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"grace@example.com\"}", null, 202);
        String signIn = server.lastTokenMailedTo("grace@example.com");
        check(server, "POST", "/api/auth/magic-link/verify", "{\"token\":\"" + signIn + "\"}", null, 200);
        check(server, "POST", "/api/auth/magic-link/verify", "{\"token\":\"" + signIn + "\"}", null, 400);
        check(server, "POST", "/api/auth/magic-link/verify", "{\"token\": 7}", null, 422);
        check(server, "POST", "/api/auth/magic-link/verify", TOO_LARGE, null, 413);
        checkText(server, "/api/auth/magic-link/verify", 415);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"not an address\"}", null, 422);
        check(server, "POST", "/api/auth/magic-link", TOO_LARGE, null, 413);
        checkText(server, "/api/auth/magic-link", 415);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"grace@example.com\"}", null, 202);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"grace@example.com\"}", null, 202);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"grace@example.com\"}", null, 429);
        check(mailDown, "POST", "/api/auth/magic-link", "{\"email\":\"grace@example.com\"}", null, 503);

        // Managing addresses, and the undo page.
        String cleo = TestServer.accessToken(server.openAccount("cleo@example.com"));
        linkOverHttp(server, cleo, "cleo.work@example.org");
        String dora = TestServer.accessToken(server.openAccount("dora@example.com"));
        linkOverHttp(server, dora, "dora.work@example.org");
        String primaryBody = "{\"email\":\"cleo.work@example.org\"}";
        check(server, "POST", "/api/auth/emails/primary", primaryBody, null, 401);
        check(server, "POST", "/api/auth/emails/primary", "{\"email\":\"nobody@example.org\"}", cleo, 404);
        check(server, "POST", "/api/auth/emails/primary", "{\"email\": 5}", cleo, 422);
        check(server, "POST", "/api/auth/emails/primary", TOO_LARGE, cleo, 413);
        checkText(server, "/api/auth/emails/primary", 415, cleo);
        check(server, "POST", "/api/auth/emails/primary", primaryBody, cleo, 200);
        String undo = server.lastTokenMailedTo("cleo@example.com");
        check(server, "GET", "/auth/undo?token=" + undo, null, null, 200);
        check(server, "GET", "/auth/undo", null, null, 400);
        form(server, "/auth/undo", "token=" + undo, "application/x-www-form-urlencoded", 200);
        form(server, "/auth/undo", "token=" + undo, "application/x-www-form-urlencoded", 400);
        form(server, "/auth/undo", "token=" + "a".repeat(17 * 1024), "application/x-www-form-urlencoded", 413);
        form(server, "/auth/undo", "{\"token\":\"x\"}", "application/json", 415);
        String cleoAgain = server.signIn("cleo@example.com").json().get("access_token").asText();
        // The undo took out the address that had replaced the primary; it is linked again to be removed below.
        linkOverHttp(server, cleoAgain, "cleo.work@example.org");
        check(server, "POST", "/api/auth/emails/remove", "{\"email\":\"cleo@example.com\"}", cleoAgain, 409);
        check(server, "POST", "/api/auth/emails/remove", "{\"email\":\"nobody@example.org\"}", cleoAgain, 404);
        check(server, "POST", "/api/auth/emails/remove", "{}", cleoAgain, 422);
        check(server, "POST", "/api/auth/emails/remove", TOO_LARGE, cleoAgain, 413);
        checkText(server, "/api/auth/emails/remove", 415, cleoAgain);
        check(server, "POST", "/api/auth/emails/remove", primaryBody, null, 401);
        check(server, "POST", "/api/auth/emails/remove", primaryBody, cleoAgain, 200);
        // Every kind of address event is in the trail by now: the primary changed, undone, a removal refused, one done.
        check(server, "GET", "/api/auth/me/events", null, cleoAgain, 200);

        // Sessions.
        String graceRefresh = JSON.readTree(server.postJson("/api/auth/magic-link/verify",
                "{\"token\":\"" + signInAgain(server, "grace.sessions@example.com") + "\"}").body()).get("refresh_token").asText();
        check(server, "POST", "/api/auth/token/refresh", "{\"refresh_token\":\"" + graceRefresh + "\"}", null, 200);
        check(server, "POST", "/api/auth/token/refresh", "{\"refresh_token\":\"" + graceRefresh + "\"}", null, 400);
        check(server, "POST", "/api/auth/token/refresh", "{}", null, 422);
        check(server, "POST", "/api/auth/token/refresh", TOO_LARGE, null, 413);
        checkText(server, "/api/auth/token/refresh", 415);
        String leaving = server.openAccount("leaving@example.com");
        String leavingHere = TestServer.accessToken(leaving);
        check(server, "GET", "/api/auth/sessions", null, leavingHere, 200);
        check(server, "GET", "/api/auth/sessions", null, null, 401);
        check(server, "DELETE", "/api/auth/sessions/00000000-0000-4000-8000-000000000000", null, leavingHere, 404);
        check(server, "DELETE", "/api/auth/sessions/00000000-0000-4000-8000-000000000000", null, null, 401);
        String leavingThere = JSON.readTree(server.postJson("/api/auth/magic-link/verify",
                "{\"token\":\"" + signInAgain(server, "leaving@example.com") + "\"}").body()).get("access_token").asText();
        String thereId = com.auth0.jwt.JWT.decode(leavingThere).getClaim("sid").asString();
        check(server, "DELETE", "/api/auth/sessions/" + thereId, null, leavingHere, 204);
        check(server, "POST", "/api/auth/sign-out", null, leavingHere, 204);
        check(server, "POST", "/api/auth/sign-out", null, leavingHere, 401);
        String everywhere = TestServer.accessToken(server.openAccount("everywhere@example.com"));
        check(server, "POST", "/api/auth/sign-out-everywhere", null, everywhere, 204);
        check(server, "POST", "/api/auth/sign-out-everywhere", null, everywhere, 401);

        // The account.
        check(server, "GET", "/api/auth/me", null, ada, 200);
        check(server, "GET", "/api/auth/me", null, null, 401);
        check(server, "GET", "/api/auth/me", null, disabled, 401);
        check(server, "GET", "/api/auth/me/events", null, null, 401);
        check(server, "GET", "/api/auth/me/events", null, disabled, 401);

        // Linking by JSON, and the {code, message} re-send.
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"ada.work@example.org\"}", ada, 202);
        check(server, "GET", "/api/auth/me", null, ada, 200);
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"x@example.org\"}", null, 401);
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"x@example.org\"}", disabled, 401);
        check(server, "POST", "/api/auth/request-email-confirmation", "{}", ada, 422);
        check(server, "POST", "/api/auth/request-email-confirmation", TOO_LARGE, ada, 413);
        checkText(server, "/api/auth/request-email-confirmation", 415, ada);
        check(server, "POST", "/auth/send-email-confirmation", "{}", ada, 200);
        check(server, "POST", "/auth/send-email-confirmation", "{\"email\":\"ada.work@example.org\"}", ada, 200);
        check(server, "POST", "/auth/send-email-confirmation", "{}", ada, 429);
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"ada.work@example.org\"}", ada, 429);
        check(server, "POST", "/auth/send-email-confirmation", "{", ada, 400);
        check(server, "POST", "/auth/send-email-confirmation", "{}", null, 401);
        check(server, "POST", "/auth/send-email-confirmation", "{\"email\":\"ada@example.com\"}", ada, 403);
        check(server, "POST", "/auth/send-email-confirmation", "{}", lonely, 404);
        check(server, "POST", "/auth/send-email-confirmation", "{\"email\": 5}", ada, 422);
        check(server, "POST", "/auth/send-email-confirmation", TOO_LARGE, ada, 413);
        checkText(server, "/auth/send-email-confirmation", 415, ada);
        String confirm = server.lastTokenMailedTo("ada.work@example.org");
        check(server, "POST", "/api/auth/confirm-email", "{\"token\":\"" + confirm + "\"}", null, 200);
        check(server, "POST", "/api/auth/confirm-email", "{\"token\":\"" + confirm + "\"}", null, 400);
        check(server, "POST", "/api/auth/confirm-email", "{\"token\": null}", null, 422);
        check(server, "POST", "/api/auth/confirm-email", TOO_LARGE, null, 413);
        checkText(server, "/api/auth/confirm-email", 415);
        check(server, "GET", "/api/auth/me/events", null, ada, 200);

        // The link pages.
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"ada.home@example.net\"}", ada, 202);
        String pageConfirm = server.lastTokenMailedTo("ada.home@example.net");
        check(server, "GET", "/auth/confirm-email?token=" + pageConfirm, null, null, 200);
        check(server, "GET", "/auth/confirm-email", null, null, 400);
        form(server, "/auth/confirm-email", "token=" + pageConfirm, "application/x-www-form-urlencoded", 200);
        form(server, "/auth/confirm-email", "token=" + pageConfirm, "application/x-www-form-urlencoded", 400);
        form(server, "/auth/confirm-email", "token=" + "a".repeat(17 * 1024), "application/x-www-form-urlencoded", 413);
        form(server, "/auth/confirm-email", "{\"token\":\"x\"}", "application/json", 415);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"hedy@example.com\"}", null, 202);
        String pageSignIn = server.lastTokenMailedTo("hedy@example.com");
        check(server, "GET", "/auth/magic-link?token=" + pageSignIn, null, null, 200);
        check(server, "GET", "/auth/magic-link", null, null, 400);
        form(server, "/auth/magic-link", "token=" + pageSignIn, "application/x-www-form-urlencoded", 200);
        form(server, "/auth/magic-link", "token=" + pageSignIn, "application/x-www-form-urlencoded", 400);
        form(server, "/auth/magic-link", "token=" + "a".repeat(17 * 1024), "application/x-www-form-urlencoded", 413);
        form(server, "/auth/magic-link", "{\"token\":\"x\"}", "application/json", 415);

        // The codes in the same mails, by JSON and by the code page.
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"katherine@example.com\"}", null, 202);
        String signInCode = server.lastCodeMailedTo("katherine@example.com");
        String codeBody = "{\"email\":\"katherine@example.com\",\"code\":\"" + signInCode + "\"}";
        check(server, "POST", "/api/auth/magic-link/verify-code", codeBody, null, 200);
        check(server, "POST", "/api/auth/magic-link/verify-code", codeBody, null, 400);
        check(server, "POST", "/api/auth/magic-link/verify-code", "{\"email\":\"katherine@example.com\"}", null, 422);
        check(server, "POST", "/api/auth/magic-link/verify-code", TOO_LARGE, null, 413);
        checkText(server, "/api/auth/magic-link/verify-code", 415);
        check(server, "POST", "/api/auth/magic-link", "{\"email\":\"mary@example.com\"}", null, 202);
        String pageCode = server.lastCodeMailedTo("mary@example.com");
        check(server, "GET", "/auth/magic-link/code", null, null, 200);
        form(server, "/auth/magic-link/code", "email=mary%40example.com&code=" + pageCode, "application/x-www-form-urlencoded", 200);
        form(server, "/auth/magic-link/code", "email=mary%40example.com&code=" + pageCode, "application/x-www-form-urlencoded", 400);
        form(server, "/auth/magic-link/code", "email=mary%40example.com", "application/x-www-form-urlencoded", 422);
        form(server, "/auth/magic-link/code", "code=" + "a".repeat(17 * 1024), "application/x-www-form-urlencoded", 413);
        form(server, "/auth/magic-link/code", "{\"code\":\"x\"}", "application/json", 415);
        String dorothy = TestServer.accessToken(server.openAccount("dorothy@example.com"));
        String annie = TestServer.accessToken(server.openAccount("annie@example.com"));
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"dorothy.work@example.org\"}", dorothy, 202);
        String confirmCode = server.lastCodeMailedTo("dorothy.work@example.org");
        String confirmBody = "{\"email\":\"dorothy.work@example.org\",\"code\":\"" + confirmCode + "\"}";
        check(server, "POST", "/api/auth/confirm-email-code", confirmBody, annie, 400);
        check(server, "POST", "/api/auth/confirm-email-code", confirmBody, null, 401);
        check(server, "POST", "/api/auth/confirm-email-code", "{\"email\":\"dorothy.work@example.org\"}", dorothy, 422);
        check(server, "POST", "/api/auth/confirm-email-code", TOO_LARGE, dorothy, 413);
        checkText(server, "/api/auth/confirm-email-code", 415, dorothy);
        check(server, "POST", "/api/auth/confirm-email-code", confirmBody, dorothy, 200);
        // Another account linked the address after this mail went out: 409, reachable without a race.
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"shared@example.org\"}", dorothy, 202);
        String lateCode = server.lastCodeMailedTo("shared@example.org");
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"shared@example.org\"}", annie, 202);
        check(server, "POST", "/api/auth/confirm-email", "{\"token\":\"" + server.lastTokenMailedTo("shared@example.org") + "\"}",
                null, 200);
        check(server, "POST", "/api/auth/confirm-email-code", "{\"email\":\"shared@example.org\",\"code\":\"" + lateCode + "\"}",
                dorothy, 409);

        // Operations, then the outage answers.
        check(server, "GET", "/health/live", null, null, 200);
        check(server, "GET", "/health/ready", null, null, 200);
        check(server, "GET", "/metrics", null, null, 200);
        check(server, "GET", "/openapi.json", null, null, 200);
        check(server, "GET", "/docs", null, null, 200);
        check(withKeys, "GET", "/.well-known/jwks.json", null, null, 200);
        check(withKeys, "GET", "/.well-known/openid-configuration", null, null, 200);
        check(server, "GET", "/.well-known/jwks.json", null, null, 200);
        check(server, "GET", "/.well-known/openid-configuration", null, null, 200);
        check(devInbox, "GET", "/dev/mailbox", null, null, 200);
        check(devInbox, "GET", "/dev/mailbox?format=xml", null, null, 400);
        check(server, "GET", "/dev/mailbox", null, null, 404);
        String bob = TestServer.accessToken(mailDown.openAccount("bob@example.com"));
        check(mailDown, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"bob.work@example.org\"}", bob, 503);
        for (int i = 0; i < 5; i++) {
            mailDown.postJson("/api/auth/magic-link", "{\"email\":\"outage" + i + "@example.com\"}");
        }
        // Mail down degrades readiness (200); only a database that does not answer fails it.
        check(mailDown, "GET", "/health/ready", null, null, 200);
        try (Connection exclusive = DriverManager.getConnection(mailDown.dbUrl, "sa", "");
             Statement statement = exclusive.createStatement()) {
            // H2's exclusive mode closes the server's pooled connections and refuses new ones.
            statement.execute("SET EXCLUSIVE 2");
            try {
                check(mailDown, "GET", "/health/ready", null, null, 503);
            } finally {
                statement.execute("SET EXCLUSIVE 0");
            }
        }
        check(server, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"ada.later@example.org\"}", ada, 202);
        server.smtp.stop();
        // Without the undo mail the change does not stand.
        check(server, "POST", "/api/auth/emails/primary", "{\"email\":\"dora.work@example.org\"}", dora, 503);
        check(server, "POST", "/auth/send-email-confirmation", "{\"email\":\"ada.later@example.org\"}", ada, 503);

        // The per-IP limit on the token routes: one attempt, then 429 on each of them, in each dialect.
        assertThat(tokenLimited.postJson("/api/auth/magic-link/verify", "{\"token\":\"x\"}").status()).isEqualTo(400);
        String wellFormed = "A".repeat(43);
        check(tokenLimited, "POST", "/api/auth/magic-link/verify", "{\"token\":\"" + wellFormed + "\"}", null, 429);
        check(tokenLimited, "POST", "/api/auth/confirm-email", "{\"token\":\"" + wellFormed + "\"}", null, 429);
        check(tokenLimited, "POST", "/api/auth/token/refresh", "{\"refresh_token\":\"" + wellFormed + "\"}", null, 429);
        form(tokenLimited, "/auth/magic-link", "token=" + wellFormed, "application/x-www-form-urlencoded", 429);
        form(tokenLimited, "/auth/confirm-email", "token=" + wellFormed, "application/x-www-form-urlencoded", 429);
        form(tokenLimited, "/auth/undo", "token=" + wellFormed, "application/x-www-form-urlencoded", 429);
        check(tokenLimited, "POST", "/api/auth/magic-link/verify-code", "{\"email\":\"a@example.com\",\"code\":\"ABCDEFGH\"}",
                null, 429);
        check(tokenLimited, "POST", "/api/auth/confirm-email-code", "{\"email\":\"a@example.com\",\"code\":\"ABCDEFGH\"}",
                TestServer.accessToken(tokenLimited.openAccount("limited@example.com")), 429);
        form(tokenLimited, "/auth/magic-link/code", "email=a%40example.com&code=ABCDEFGH", "application/x-www-form-urlencoded", 429);
        // Request headers over 8 KiB: Jetty refuses them on every route, in the route's dialect.
        for (String operation : documentedOperations()) {
            String[] methodAndPath = operation.split(" ");
            TestServer target = methodAndPath[1].startsWith("/dev/") ? devInbox : server;
            String concrete = methodAndPath[1].replace("{id}", "00000000-0000-4000-8000-000000000000");
            record(methodAndPath[0], methodAndPath[1], 431,
                    target.send(concrete, methodAndPath[0], null, null, "x".repeat(9 * 1024)));
        }

        boolean onPostgres = TestDatabase.AVAILABLE.contains(TestDatabase.POSTGRESQL);
        if (onPostgres) {
            checkDatabaseOutage();
        }

        assertThat(problems).as("responses that do not match /openapi.json").isEmpty();
        Set<String> documented = documentedAnswers();
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        missing.removeAll(ONLY_BY_A_RACE);
        if (!onPostgres) {
            missing.removeAll(ONLY_IN_A_DATABASE_OUTAGE);
        }
        assertThat(missing).as("documented answers no request provoked").isEmpty();
        assertThat(covered).as("answers the server gave that the document lacks").isSubsetOf(documented);
    }

    @Test
    void everyDocumentedOperation_hasARequestExample() throws IOException {
        Path examples = Path.of("..", "docs", "examples", "auth-backbone.http");
        String text = Files.readString(examples, StandardCharsets.UTF_8);
        Set<String> shown = new TreeSet<>();
        Matcher request = Pattern.compile("(?m)^(GET|POST|PUT|PATCH|DELETE|HEAD) \\{\\{base}}([^?\\s]*)").matcher(text);
        while (request.find()) {
            // A path variable of the example ({{sessionId}}) stands for the document's template ({id}).
            shown.add(request.group(1) + " " + request.group(2).replaceAll("\\{\\{\\w+}}", "{id}"));
        }
        assertThat(shown).as("operations with an example in %s", examples).containsAll(documentedOperations());
    }

    /** PostgreSQL behind a proxy that is then cut: every route that needs the database answers 503. */
    private void checkDatabaseOutage() throws Exception {
        try (ServerBehindProxy behind = ServerBehindProxy.start("500ms");
             ExpectedLog brokenConnections = ExpectedLog.of("com.zaxxer.hikari")) {
            TestServer outage = behind.server;
            TcpProxy proxy = behind.proxy;
            String bearer = TestServer.accessToken(outage.openAccount("ada@example.com"));
            String wellFormed = "A".repeat(43);
            proxy.cut();
            check(outage, "POST", "/api/auth/magic-link/verify", "{\"token\":\"" + wellFormed + "\"}", null, 503);
            check(outage, "GET", "/api/auth/me", null, bearer, 503);
            check(outage, "POST", "/api/auth/token/refresh", "{\"refresh_token\":\"" + wellFormed + "\"}", null, 503);
            check(outage, "POST", "/api/auth/sign-out", null, bearer, 503);
            check(outage, "POST", "/api/auth/sign-out-everywhere", null, bearer, 503);
            check(outage, "GET", "/api/auth/sessions", null, bearer, 503);
            check(outage, "DELETE", "/api/auth/sessions/00000000-0000-0000-0000-000000000000", null, bearer, 503);
            check(outage, "GET", "/api/auth/me/events", null, bearer, 503);
            check(outage, "POST", "/api/auth/confirm-email", "{\"token\":\"" + wellFormed + "\"}", null, 503);
            check(outage, "GET", "/auth/confirm-email?token=" + wellFormed, null, null, 503);
            form(outage, "/auth/confirm-email", "token=" + wellFormed, "application/x-www-form-urlencoded", 503);
            form(outage, "/auth/magic-link", "token=" + wellFormed, "application/x-www-form-urlencoded", 503);
            String code = "{\"email\":\"ada@example.com\",\"code\":\"ABCDEFGH\"}";
            check(outage, "POST", "/api/auth/magic-link/verify-code", code, null, 503);
            check(outage, "POST", "/api/auth/confirm-email-code", code, bearer, 503);
            form(outage, "/auth/magic-link/code", "email=ada%40example.com&code=ABCDEFGH", "application/x-www-form-urlencoded", 503);
            check(outage, "POST", "/api/auth/magic-link", "{\"email\":\"ada@example.com\"}", null, 503);
            check(outage, "POST", "/api/auth/request-email-confirmation", "{\"email\":\"ada.work@example.org\"}", bearer, 503);
            check(outage, "POST", "/auth/send-email-confirmation", "{}", bearer, 503);
            check(outage, "POST", "/api/auth/emails/remove", "{\"email\":\"ada.work@example.org\"}", bearer, 503);
            form(outage, "/auth/undo", "token=" + wellFormed, "application/x-www-form-urlencoded", 503);
            check(outage, "GET", "/health/ready", null, null, 503);
            assertThat(brokenConnections.events()).as("the pool's reports of the cut say nothing secret")
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(bearer));
        }
    }

    @Test
    void aResponseWhoseShapeChanged_isReported() throws Exception {
        // On the development-inbox server: the other test stops the main server's SMTP server.
        Answer real = devInbox.postJson("/api/auth/magic-link", "{\"email\":\"shape@example.com\"}");
        assertThat(real.status()).isEqualTo(202);
        assertThat(report(202, real.headers(), real.body(), "/api/auth/magic-link").hasErrors()).isFalse();

        assertThat(report(202, real.headers(), "{\"message\":\"ok\",\"extra\":1}", "/api/auth/magic-link").hasErrors())
                .as("an extra field").isTrue();
        assertThat(report(202, real.headers(), "{}", "/api/auth/magic-link").hasErrors()).as("a missing field").isTrue();
        assertThat(report(202, real.headers(), "{\"message\":5}", "/api/auth/magic-link").hasErrors()).as("a wrong type").isTrue();
        assertThat(report(418, real.headers(), real.body(), "/api/auth/magic-link").hasErrors()).as("an undocumented status").isTrue();

        Answer limited = null;
        for (int i = 0; i < 4; i++) {
            limited = devInbox.postJson("/api/auth/magic-link", "{\"email\":\"shape2@example.com\"}");
        }
        assertThat(limited.status()).isEqualTo(429);
        Map<String, List<String>> withoutRetryAfter = limited.headers().entrySet().stream()
                .filter(e -> e.getKey() == null || !e.getKey().equalsIgnoreCase("Retry-After"))
                .filter(e -> e.getKey() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(report(429, limited.headers(), limited.body(), "/api/auth/magic-link").hasErrors()).isFalse();
        assertThat(report(429, withoutRetryAfter, limited.body(), "/api/auth/magic-link").hasErrors())
                .as("a 429 without Retry-After").isTrue();
    }

    /** Links {@code address} to the account of {@code bearer} by confirmation link, over HTTP. */
    private static void linkOverHttp(TestServer target, String bearer, String address) {
        target.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + address + "\"}", bearer);
        assertThat(target.postJson("/api/auth/confirm-email", "{\"token\":\"" + target.lastTokenMailedTo(address) + "\"}")
                .status()).isEqualTo(200);
    }

    private void check(TestServer target, String method, String pathAndQuery, String json, String bearer, int status) {
        byte[] body = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
        Answer answer = target.send(pathAndQuery, method, body, json == null ? null : "application/json", bearer);
        record(method, pathAndQuery, status, answer);
    }

    private void checkText(TestServer target, String path, int status) {
        checkText(target, path, status, null);
    }

    private void checkText(TestServer target, String path, int status, String bearer) {
        record("POST", path, status, target.send(path, "POST", "hello".getBytes(StandardCharsets.UTF_8), "text/plain", bearer));
    }

    private void form(TestServer target, String path, String body, String contentType, int status) {
        record("POST", path, status, target.send(path, "POST", body.getBytes(StandardCharsets.UTF_8), contentType, null));
    }

    private void record(String method, String pathAndQuery, int expected, Answer answer) {
        String path = pathAndQuery.split("\\?")[0];
        String what = method + " " + path + " " + answer.status();
        assertThat(answer.status()).as(method + " " + pathAndQuery + ": " + answer.body()).isEqualTo(expected);
        ValidationReport report = report(answer.status(), answer.headers(), answer.body(), path, method);
        if (report.hasErrors()) {
            problems.add(what + ": " + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> m.getKey() + " " + m.getMessage()).collect(Collectors.joining("; ")));
        }
        // A path with an id is covered as its template.
        covered.add(method + " " + path.replaceFirst("^/api/auth/sessions/[^/]+$", "/api/auth/sessions/{id}") + " "
                + answer.status());
    }

    /** Asks for a sign-in link for {@code email} and returns its token. */
    private static String signInAgain(TestServer target, String email) {
        target.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
        return target.lastTokenMailedTo(email);
    }

    private static ValidationReport report(int status, Map<String, List<String>> headers, String body, String path) {
        return report(status, headers, body, path, "POST");
    }

    private static ValidationReport report(int status, Map<String, List<String>> headers, String body, String path,
                                           String method) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withBody(body);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        return validator.validateResponse(path, Request.Method.valueOf(method), response.build());
    }

    /** Every "METHOD path" the document lists. */
    private static Set<String> documentedOperations() throws IOException {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : JSON.readTree(document).get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }
        return operations;
    }

    /** Every "METHOD path status" the document lists. */
    private static Set<String> documentedAnswers() throws IOException {
        Set<String> answers = new TreeSet<>();
        JsonNode paths = JSON.readTree(document).get("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operation.getValue().get("responses").fieldNames().forEachRemaining(status -> answers.add(
                        operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey() + " " + status));
            }
        }
        return answers;
    }
}
