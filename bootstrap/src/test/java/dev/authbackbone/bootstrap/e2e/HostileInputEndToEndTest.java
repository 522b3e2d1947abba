package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind, bodies and paths alike, gets a clear 4xx in the /api dialect, and nothing
 * is stored or mailed.
 */
@OnEveryDatabase
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputEndToEndTest {

    @Parameter
    TestDatabase database;

    private static final String PATH = "/api/auth/request-email-confirmation";
    private static TestServer server;
    private static String bearer;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database);
        bearer = TestServer.accessToken(server.openAccount("owner@example.com"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                json("unterminated JSON", "{", 422),
                json("trailing garbage", "{\"email\":\"a@example.com\"} x", 422),
                json("array body", "[]", 422),
                json("null body", "null", 422),
                json("string body", "\"a@example.com\"", 422),
                json("empty object", "{}", 422),
                json("empty body", "", 422),
                json("email null", "{\"email\":null}", 422),
                json("email number", "{\"email\":42}", 422),
                json("email array", "{\"email\":[\"a@example.com\"]}", 422),
                json("email object", "{\"email\":{\"x\":1}}", 422),
                json("email boolean", "{\"email\":true}", 422),
                json("CR LF inside", "{\"email\":\"a\\r\\n@example.com\"}", 422),
                json("header injection", "{\"email\":\"a@example.com\\r\\nBcc: evil@example.net\"}", 422),
                json("NUL inside", "{\"email\":\"a\\u0000@example.com\"}", 422),
                json("300 characters", "{\"email\":\"" + "x".repeat(288) + "@example.com\"}", 422),
                json("empty string", "{\"email\":\"\"}", 422),
                json("only spaces", "{\"email\":\"   \"}", 422),
                json("no @-sign", "{\"email\":\"not-an-address\"}", 422),
                json("zero-width space", "{\"email\":\"a\\u200b@example.com\"}", 422),
                json("right-to-left override", "{\"email\":\"a@exa\\u202emple.com\"}", 422),
                json("lone surrogate", "{\"email\":\"\\ud800@example.com\"}", 422),
                json("duplicate keys", "{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}", 422),
                json("deeply nested", "{\"email\":" + "[".repeat(3000) + "]".repeat(3000) + "}", 422),
                Arguments.of("invalid UTF-8", bytes("{\"email\":\"", new byte[] {(byte) 0xff, (byte) 0xfe}, "@example.com\"}"),
                        "application/json", 422),
                Arguments.of("huge body", ("{\"email\":\"" + "a".repeat(2_000_000) + "@example.com\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json", 413),
                Arguments.of("text/plain", "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8), "text/plain", 415),
                Arguments.of("form body", "email=a%40example.com".getBytes(StandardCharsets.UTF_8),
                        "application/x-www-form-urlencoded", 415),
                Arguments.of("no content type", "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8), null, 415),
                // Jetty threw for a charset it does not know: 500 and a stack trace in the log before.
                Arguments.of("unknown charset", "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json; charset=utf-9", 415),
                Arguments.of("malformed charset", "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8),
                        "application/json; charset=@@@", 415));
    }

    @Order(1)
    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("rejected")
    void badInput_getsAClear4xxInTheApiDialect(String name, byte[] body, String contentType, int status) {
        Answer answer = server.send(PATH, "POST", body, contentType, bearer);

        assertThat(answer.status()).as(name).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().has("detail")).as(answer.body()).isTrue();
        if (status == 422) {
            assertThat(answer.json().get("detail").isArray()).isTrue();
            assertThat(answer.json().get("detail").get(0).has("type")).isTrue();
            assertThat(answer.json().get("detail").get(0).has("loc")).isTrue();
            assertThat(answer.json().get("detail").get(0).has("msg")).isTrue();
        }
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.authbackbone");
    }

    @Order(2)
    @Test
    void afterEveryBadInput_nothingWasStoredOrMailed() {
        assertThat(server.count("select count(*) from email_request")).isZero();
        assertThat(server.count("select count(*) from email_token")).isZero();
        assertThat(server.mails()).isEmpty();
    }

    @Order(3)
    @Test
    void surroundingSpaces_areTrimmed() {
        assertThat(server.postJson(PATH, "{\"email\":\"  \\t spaced@example.com  \"}", bearer).status()).isEqualTo(202);
        assertThat(server.mailsTo("spaced@example.com")).hasSize(1);
    }

    @Order(4)
    @Test
    void idnDomain_isAcceptedAndDeliveredToItsAsciiForm() {
        assertThat(server.postJson(PATH, "{\"email\":\"anna@bücher.example\"}", bearer).status()).isEqualTo(202);
        assertThat(server.mailsTo("anna@xn--bcher-kva.example")).hasSize(1);
    }

    @Order(5)
    @Test
    void idnDeviationDomain_isRefusedByBothRequestRoutes_andNothingIsStoredOrMailed() {
        // IDNA2003 would send this to ceo@fass.de while /me showed ceo@faß.de (xn--fa-hia.de) as verified.
        String faß = "{\"email\":\"ceo@faß.de\"}";
        long requests = server.count("select count(*) from email_request");
        long tokens = server.count("select count(*) from email_token");
        int mails = server.mails().size();

        Answer link = server.postJson(PATH, faß, bearer);
        Answer signIn = server.postJson("/api/auth/magic-link", faß);

        for (Answer answer : List.of(link, signIn)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(422);
            assertThat(answer.json().get("detail").get(0).get("loc").toString()).contains("email");
        }
        assertThat(server.count("select count(*) from email_request")).isEqualTo(requests);
        assertThat(server.count("select count(*) from email_token")).isEqualTo(tokens);
        assertThat(server.mails()).hasSize(mails);
        assertThat(server.mailsTo("ceo@fass.de")).isEmpty();
    }

    /**
     * The attack: an address at {@code exаmple.net}, with a Cyrillic {@code а}, is another domain
     * that whoever registered it can confirm, and once verified it showed as {@code example.net}
     * on the account (and to every service that trusts the account's verified addresses).
     */
    @Order(5)
    @Test
    void lookAlikeDomain_mixingScripts_isRefusedByBothRequestRoutes_andNothingIsStoredOrMailed() {
        long requests = server.count("select count(*) from email_request");
        int mails = server.mails().size();

        for (String lookAlike : List.of("ceo@ex\u0430mple.net", "ceo@exam\u0338ple.net")) {
            String body = "{\"email\":\"" + lookAlike + "\"}";
            for (Answer answer : List.of(server.postJson(PATH, body, bearer), server.postJson("/api/auth/magic-link", body))) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(422);
                assertThat(answer.json().get("detail").get(0).get("msg").asText()).contains("look like another domain");
            }
        }
        assertThat(server.count("select count(*) from email_request")).isEqualTo(requests);
        assertThat(server.mails()).hasSize(mails);
    }

    @Order(6)
    @Test
    void confirmEmail_badBodies() {
        assertThat(server.postJson("/api/auth/confirm-email", "{}").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":5}").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"short\"}").status()).isEqualTo(400);
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + "A".repeat(43) + "\"}").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/confirm-email", "").status()).isEqualTo(400);
    }

    /**
     * Paths under /api that Jetty refuses before any route sees them: undecodable (a NUL, a lone or
     * bad percent sign, an invalid UTF-8 byte) or ambiguous (an empty segment, an encoded slash).
     */
    static Stream<Arguments> malformedApiPaths() {
        return Stream.of(
                Arguments.of("GET", "/api/auth/sessions/%00"),
                Arguments.of("DELETE", "/api/auth/sessions/%00"),
                Arguments.of("GET", "/api/auth/me%00"),
                Arguments.of("GET", "/api/%"),
                Arguments.of("GET", "/api/auth/me%ZZ"),
                Arguments.of("GET", "/api/auth/%ff"),
                Arguments.of("GET", "/api//auth/me"),
                Arguments.of("GET", "/api/auth/sessions/a%2Fb"));
    }

    @Order(6)
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedApiPaths")
    void malformedPathUnderApi_gets400InTheApiDialect(String method, String target) {
        // Raw: the JDK client refuses to send most of these targets at all.
        RawHttp.Exchange exchange = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(), method + " " + target
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + bearer + "\r\nConnection: close\r\n\r\n",
                Duration.ofSeconds(10));
        RawAnswer answer = RawAnswer.of(exchange.response());

        assertThat(exchange.status()).as(exchange.response()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).as(exchange.response()).startsWith("application/json");
        assertThat(answer.body()).isEqualTo("{\"detail\":\"The request is malformed.\"}");
        assertThat(exchange.response()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Order(7)
    @Test
    void malformedPathOutsideApi_keepsTheCodeMessageDialect() {
        RawHttp.Exchange exchange = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(), RawHttp.get("/auth/%00"),
                Duration.ofSeconds(10));

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(RawAnswer.of(exchange.response()).body()).isEqualTo("{\"code\":400,\"message\":\"The request is malformed.\"}");
    }

    /**
     * Two Content-Type headers were read as the first one, so a proxy keeping the last would see
     * another request; and a form post with a charset Jetty cannot name answered 500.
     */
    @Order(8)
    @Test
    void twoContentTypes_orAFormWithAnUnknownCharset_get415AndNothingBreaks() {
        String json = "{\"email\":\"twice@example.com\"}";
        RawHttp.Exchange twice = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(), "POST /api/auth/magic-link HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: "
                + json.length() + "\r\nConnection: close\r\n\r\n" + json, Duration.ofSeconds(10));
        assertThat(twice.status()).as(twice.response()).isEqualTo(415);
        assertThat(RawAnswer.of(twice.response()).body()).contains("\"detail\"");

        String form = "token=" + "A".repeat(43);
        RawHttp.Exchange formWithCharset = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(),
                "POST /auth/confirm-email HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded; charset=@@@\r\nContent-Length: " + form.length()
                + "\r\nConnection: close\r\n\r\n" + form, Duration.ofSeconds(10));
        assertThat(formWithCharset.status()).as(formWithCharset.response()).isEqualTo(415);
        assertThat(formWithCharset.response()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(server.mailsTo("twice@example.com")).isEmpty();
    }

    /**
     * A client that asks before sending a body too large to accept is refused before it sends: it was
     * told "100 Continue" and made to upload the whole body for a 413 (an outside probe).
     */
    @Order(9)
    @Test
    void expectContinueWithATooLargeBody_gets413BeforeSendingIt() {
        RawHttp.Exchange exchange = RawHttp.exchange(RawHttp.ATTACKER, server.app.port(), "POST /api/auth/magic-link HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20000\r\nExpect: 100-continue\r\n"
                + "Connection: close\r\n\r\n", Duration.ofSeconds(5));

        assertThat(exchange.status()).as(exchange.response()).isEqualTo(413);
        assertThat(exchange.response()).doesNotContain("100 Continue");
        assertThat(RawAnswer.of(exchange.response()).body()).contains("\"detail\"");
        assertThat(exchange.took()).isLessThan(Duration.ofSeconds(4));
    }

    /** The head and body of a raw HTTP/1.1 response, chunked or not. */
    private record RawAnswer(String head, String body) {

        static RawAnswer of(String response) {
            int end = response.indexOf("\r\n\r\n");
            String head = end < 0 ? response : response.substring(0, end);
            String body = end < 0 ? "" : response.substring(end + 4);
            return new RawAnswer(head, head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked") ? unchunk(body) : body);
        }

        String header(String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
                if (size == 0) {
                    return body.toString();
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }
    }

    private static Arguments json(String name, String body, int status) {
        return Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), "application/json", status);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
