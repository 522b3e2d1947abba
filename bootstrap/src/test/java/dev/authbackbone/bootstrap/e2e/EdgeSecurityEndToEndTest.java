package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The edge against the attacks a security review ran on the real server over real HTTP: reading
 * the development inbox through another {@code Host}, escaping the per-IP limit with forged
 * {@code X-Forwarded-For}, spraying malformed tokens at the token routes to fill the audit table,
 * and overriding the request line's method with a header or parameter.
 */
@OnEveryDatabase
class EdgeSecurityEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MALFORMED = "x";
    /** The headers frameworks read to run a request as another method. */
    private static final List<String> OVERRIDE_HEADERS = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Parameter
    TestDatabase database;

    // ---- development inbox ----

    @Test
    void devMailbox_foreignHostHeader_is404WithoutTheMails_whileALoopbackNameGetsThem() throws Exception {
        try (TestServer server = TestServer.startWithDevInbox(database, Map.of())) {
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"victim@example.com\"}").status()).isEqualTo(202);
            int port = server.app.port();

            String attacker = rawGet(port, "/dev/mailbox", "attacker.example");
            String rebound = rawGet(port, "/dev/mailbox", "attacker.example:" + port);

            assertThat(attacker).startsWith("HTTP/1.1 404").doesNotContain("victim").doesNotContain("token=");
            assertThat(rebound).startsWith("HTTP/1.1 404").doesNotContain("victim").doesNotContain("token=");
            assertThat(rawGet(port, "/dev/mailbox", "127.0.0.1:" + port)).startsWith("HTTP/1.1 200").contains("victim@example.com");
            assertThat(rawGet(port, "/dev/mailbox", "localhost:" + port)).startsWith("HTTP/1.1 200").contains("victim@example.com");
        }
    }

    // ---- trusted proxies ----

    @Test
    void untrustedPeer_rotatingForwardedFor_doesNotEscapeThePerIpLimit() {
        try (TestServer server = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_IP", "2/15m"))) {
            assertThat(askForLink(server, "spoof1@example.com", "198.51.100.1").statusCode()).isEqualTo(202);
            assertThat(askForLink(server, "spoof2@example.com", "198.51.100.2").statusCode()).isEqualTo(202);

            HttpResponse<String> third = askForLink(server, "spoof3@example.com", "198.51.100.3");

            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void trustedProxyPeer_clientsBehindItGetTheirOwnBuckets_byTheRightMostUntrustedHop() {
        try (TestServer server = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_IP", "2/15m",
                "AUTH_TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8, fd00::/8"))) {
            // The left-most hop is whatever the client wrote; the proxy appended the real one.
            assertThat(askForLink(server, "a1@example.com", "6.6.6.1, 203.0.113.10").statusCode()).isEqualTo(202);
            assertThat(askForLink(server, "a2@example.com", "6.6.6.2, 203.0.113.10, 10.1.2.3").statusCode()).isEqualTo(202);
            assertThat(askForLink(server, "a3@example.com", "6.6.6.3, 203.0.113.10").statusCode()).isEqualTo(429);

            assertThat(askForLink(server, "b1@example.com", "203.0.113.20").statusCode()).isEqualTo(202);
            assertThat(askForLink(server, "b2@example.com", "garbage, 203.0.113.20:4711").statusCode()).isEqualTo(202);
            assertThat(askForLink(server, "b3@example.com", "203.0.113.20").statusCode()).isEqualTo(429);

            assertThat(askForLink(server, "c1@example.com", "2001:db8::7").statusCode()).isEqualTo(202);
        }
    }

    private HttpResponse<String> askForLink(TestServer server, String email, String forwardedFor) {
        return post(server, "/api/auth/magic-link", "application/json", "{\"email\":\"" + email + "\"}",
                Map.of("X-Forwarded-For", forwardedFor));
    }

    // ---- token routes ----

    @Test
    void malformedTokens_writeNothing_areCounted_andTheRouteIsLimitedPerIp() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_TOKEN_IP", "7/15m"))) {
            long auditRows = server.count("select count(*) from audit_event");

            assertThat(server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + MALFORMED + "\"}").status()).isEqualTo(400);
            assertThat(server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + "A".repeat(42) + "!\"}").status()).isEqualTo(400);
            Answer confirm = server.postJson("/api/auth/confirm-email", "{\"token\":\"" + "B".repeat(44) + "\"}");
            assertThat(confirm.status()).isEqualTo(400);
            assertThat(confirm.json().get("detail").isTextual()).isTrue();
            assertThat(server.postForm("/auth/confirm-email", "token=" + MALFORMED).status()).isEqualTo(400);
            assertThat(server.postForm("/auth/magic-link", "token=%00%0A").status()).isEqualTo(400);
            assertThat(server.count("select count(*) from audit_event")).isEqualTo(auditRows);

            // The same answer as for a well-formed unknown token, which the use case does check (and audits).
            Answer unknown = server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + "C".repeat(43) + "\"}");
            Answer malformed = server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + MALFORMED + "\"}");
            assertThat(malformed.status()).isEqualTo(unknown.status());
            assertThat(malformed.body()).isEqualTo(unknown.body());
            assertThat(server.count("select count(*) from audit_event")).isEqualTo(auditRows + 1);

            // Seven POSTs so far: the eighth, well-formed or not, is refused before anything is read.
            Answer limited = server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + "D".repeat(43) + "\"}");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 15 * 60);
            assertThat(limited.json().get("detail").isTextual()).isTrue();
            HttpResponse<String> page = post(server, "/auth/confirm-email", "application/x-www-form-urlencoded",
                    "token=" + "E".repeat(43), Map.of());
            assertThat(page.statusCode()).isEqualTo(429);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.count("select count(*) from audit_event")).isEqualTo(auditRows + 1);

            // The link pages still open (a GET spends nothing and is not limited).
            assertThat(server.get("/auth/confirm-email?token=" + "F".repeat(43), null).status()).isEqualTo(200);
            String metrics = server.get("/metrics", null).body();
            assertThat(metrics).containsPattern("auth_tokens_rejected_total\\{purpose=\"sign_in\",reason=\"malformed\"} 4\\.0")
                    .containsPattern("auth_tokens_rejected_total\\{purpose=\"email_confirmation\",reason=\"malformed\"} 2\\.0")
                    .containsPattern("auth_rate_limit_rejections_total\\{limit=\"per_ip_token\"} 2\\.0");
        }
    }

    @Test
    void wellFormedToken_stillSignsIn_underTheLimit() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of())) {
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"real@example.com\"}").status()).isEqualTo(202);
            String token = server.lastTokenMailedTo("real@example.com");

            Answer answer = server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + token + "\"}");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("access_token").isTextual()).isTrue();
        }
    }

    // ---- method overrides ----

    @Test
    void getWithMethodOverridePost_showsTheConfirmPage_andSpendsNoToken() throws Exception {
        try (TestServer server = TestServer.start(database, Map.of())) {
            String bearer = TestServer.accessToken(server.openAccount("owner@example.com"));
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"linked@example.com\"}", bearer)
                    .status()).isEqualTo(202);
            String token = server.lastTokenMailedTo("linked@example.com");
            long usable = server.usableTokens();

            // As the review ran it: a GET to the page whose POST spends the token, with the POST's body.
            for (String override : OVERRIDE_HEADERS) {
                RawHttp.Exchange attack = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(),
                        request("GET", "/auth/confirm-email?token=" + token, override + ": POST\r\n",
                                "application/x-www-form-urlencoded", "token=" + token), Duration.ofSeconds(10));

                assertThat(attack.status()).as(override).isEqualTo(200);
                assertThat(attack.response()).as(override).contains("<form method=\"post\"").doesNotContain("Email confirmed");
            }
            RawHttp.Exchange parameter = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(),
                    request("GET", "/auth/confirm-email?_method=POST&token=" + token, "",
                            "application/x-www-form-urlencoded", "_method=POST&token=" + token), Duration.ofSeconds(10));
            assertThat(parameter.status()).isEqualTo(200);
            assertThat(parameter.response()).doesNotContain("Email confirmed");

            assertThat(server.usableTokens()).isEqualTo(usable);
            assertThat(server.get("/api/auth/me", bearer).json().findValues("verified").stream()
                    .filter(v -> !v.asBoolean()).count()).isEqualTo(1);
            // The token survived every attempt: pressing Confirm, a real POST, still works.
            assertThat(server.postForm("/auth/confirm-email", "token=" + token).body()).contains("Email confirmed");
        }
    }

    @Test
    void postWithMethodOverrideDelete_staysAPost_inTheRouteAndTheMetrics() {
        try (TestServer server = TestServer.start(database, Map.of())) {
            for (String override : OVERRIDE_HEADERS) {
                String email = override.toLowerCase(Locale.ROOT) + "@example.com";
                HttpResponse<String> answer = post(server, "/api/auth/magic-link", "application/json",
                        "{\"email\":\"" + email + "\"}", Map.of(override, "DELETE"));

                assertThat(answer.statusCode()).as(override).isEqualTo(202);
                assertThat(server.mailsTo(email)).as(override).hasSize(1);
            }
            assertThat(post(server, "/api/auth/magic-link?_method=DELETE", "application/json",
                    "{\"email\":\"parameter@example.com\"}", Map.of()).statusCode()).isEqualTo(202);
            assertThat(server.mailsTo("parameter@example.com")).hasSize(1);

            String metrics = server.get("/metrics", null).body();
            assertThat(metrics).contains("method=\"POST\"").doesNotContain("method=\"DELETE\"");
        }
    }

    // ---- plumbing ----

    private HttpResponse<String> post(TestServer server, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET with a {@code Host} of our choosing, which Java's HTTP client does not allow: as a rebound browser sends it. */
    private static String rawGet(int port, String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A request as curl sends it, with a body whatever the method, and {@code extraHeaders} as given (each ending in CRLF). */
    private static String request(String method, String target, String extraHeaders, String contentType, String body) {
        return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "Content-Type: " + contentType
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }
}
