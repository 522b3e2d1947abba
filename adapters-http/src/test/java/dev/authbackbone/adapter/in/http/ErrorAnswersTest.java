package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Answers nobody's route gives: unknown paths and methods, failures, and what Jetty refuses
 * before a route sees it. Each is in its path's dialect and none is a default page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorAnswersTest {

    /** What a composition root might add: one route that works, one that fails. */
    private static final RouteGroup HEALTH = routes -> {
        routes.get("/health/live", ctx -> ctx.result("ok"));
        routes.get("/health/broken", ctx -> {
            throw new IllegalStateException("database password is hunter2");
        });
    };

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass(List.of(HEALTH));

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    /** The failures here are provoked on purpose: their stack traces are kept here, checked, and not printed. */
    @BeforeAll
    void listen() {
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(HttpServer.class);
        logger.addAppender(log);
        logger.setAdditive(false);
    }

    @AfterAll
    void stopListening() {
        Logger logger = (Logger) LoggerFactory.getLogger(HttpServer.class);
        logger.setAdditive(true);
        logger.detachAppender(log);
    }

    @BeforeEach
    void clearLog() {
        log.list.clear();
    }

    @AfterEach
    void nothingSecretWasLogged() {
        assertThat(log.list).allSatisfy(event ->
                assertThat(event.getFormattedMessage()).doesNotContain("Bearer", "token=", "@example.org"));
    }

    @Test
    void unknownPath_answers404InThePathsDialect() {
        Answer api = server.get("/api/auth/nothing-here");
        Answer auth = server.get("/auth/nothing-here");
        Answer root = server.get("/");

        assertThat(api.status()).isEqualTo(404);
        assertThat(api.jsonEquals("{'detail': 'Not Found'}")).isTrue();
        assertThat(auth.status()).isEqualTo(404);
        assertThat(auth.jsonEquals("{'code': 404, 'message': 'Not found.'}")).isTrue();
        assertThat(root.status()).isEqualTo(404);
        assertThat(root.mediaType()).isEqualTo("application/json");
    }

    @Test
    void wrongMethod_answers405WithAllowInThePathsDialect() {
        Answer api = server.method("DELETE", "/api/auth/me");
        Answer page = server.method("PUT", "/auth/confirm-email");
        Answer unknownMethod = server.raw("FROB /api/auth/magic-link HTTP/1.1\r\nHost: localhost", new byte[0]);

        assertThat(api.status()).isEqualTo(405);
        assertThat(api.header("Allow")).isEqualTo("GET, HEAD");
        assertThat(api.jsonEquals("{'detail': 'Method Not Allowed'}")).isTrue();
        assertThat(page.status()).isEqualTo(405);
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.header("Allow")).isEqualTo("GET, POST, HEAD");
        LinkPagesTest.assertSecurityHeaders(page);
        assertThat(unknownMethod.status()).isEqualTo(405);
        assertThat(unknownMethod.json().has("detail")).isTrue();
    }

    @Test
    void useCaseFailure_answers500WithAGenericSentenceAndLogsTheStackTrace() {
        server.fakes.requestSignInLink.answerWith(command -> {
            throw new IllegalStateException("connection refused to db.internal:5432");
        });

        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.jsonEquals("{'detail': 'Something went wrong on our side. Try again later.'}")).isTrue();
        assertThat(answer.body()).doesNotContain("db.internal");
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("ERROR");
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getMessage()).contains("db.internal");
        });
    }

    @Test
    void errorThrownByAUseCase_answers500WithoutDetails() {
        server.fakes.viewAccount.answerWith(account -> {
            throw new AssertionError("invariant broken for secret-account");
        });

        Answer answer = server.get("/api/auth/me", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.json().get("message").asText()).isEqualTo("Something went wrong on our side. Try again later.");
        assertThat(answer.body()).doesNotContain("secret-account");
    }

    @Test
    void failureInAnExtraRouteGroup_answers500InCodeMessage() {
        assertThat(server.get("/health/live").body()).isEqualTo("ok");

        Answer answer = server.get("/health/broken");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.jsonEquals("{'code': 500, 'message': 'Something went wrong on our side. Try again later.'}")).isTrue();
        assertThat(answer.body()).doesNotContain("hunter2");
    }

    @Test
    void mailTransportExceptionEscapingAUseCase_answers503WithRetryAfter() {
        server.fakes.requestSignInLink.answerWith(command -> {
            throw new MailUnavailableException("breaker open", Duration.ofSeconds(20), null);
        });

        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("20");
    }

    @Test
    void databaseUnavailable_answers503WithRetryAfterInEachDialect_andLogsOneLine() {
        StorageUnavailableException outage = new StorageUnavailableException("connection refused",
                Duration.ofMillis(4200), null);
        server.fakes.requestEmailConfirmation.answerWith(command -> {
            throw outage;
        });
        server.fakes.confirmEmail.answerWith(command -> {
            throw outage;
        });
        server.fakes.resendEmailConfirmation.answerWith(command -> {
            throw outage;
        });

        Answer api = server.postJson("/api/auth/request-email-confirmation", "{\"email\": \"a@example.org\"}",
                "Authorization", server.bearer());
        Answer auth = server.postJson("/auth/send-email-confirmation", "{}", "Authorization", server.bearer());
        Answer page = server.postForm("/auth/confirm-email", "token=" + "A".repeat(43));

        assertThat(api.status()).isEqualTo(503);
        assertThat(api.jsonEquals("{'detail': 'The service is temporarily unavailable. Try again later.'}")).isTrue();
        assertThat(auth.status()).isEqualTo(503);
        assertThat(auth.jsonEquals("{'code': 503, 'message': 'The service is temporarily unavailable. Try again later.'}"))
                .isTrue();
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.mediaType()).isEqualTo("text/html");
        LinkPagesTest.assertSecurityHeaders(page);
        for (Answer answer : List.of(api, auth, page)) {
            assertThat(answer.header("Retry-After")).isEqualTo("5");
            assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(log.list).hasSize(3).allSatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getThrowableProxy()).isNull();
        });
    }

    @Test
    void oversizedHeaders_answer431InThePathsDialect() {
        Answer api = server.raw("GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + "a".repeat(20_000), new byte[0]);

        assertThat(api.status()).isEqualTo(431);
        assertThat(api.jsonEquals("{'detail': 'The request headers are too large.'}")).isTrue();
    }

    @Test
    void ambiguousPathEncodings_answer400InThePathsDialect() {
        Answer encodedSlash = server.raw("GET /api/auth%2Fme HTTP/1.1\r\nHost: localhost", new byte[0]);
        Answer encodedDots = server.raw("GET /api/%2e%2e/auth/me HTTP/1.1\r\nHost: localhost", new byte[0]);
        Answer authPath = server.raw("GET /auth/%2e%2e/api/auth/me HTTP/1.1\r\nHost: localhost", new byte[0]);

        for (Answer answer : List.of(encodedSlash, encodedDots)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.jsonEquals("{'detail': 'The request is malformed.'}")).as(answer.body()).isTrue();
        }
        assertThat(authPath.status()).isEqualTo(400);
        assertThat(authPath.jsonEquals("{'code': 400, 'message': 'The request is malformed.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void undecodableTarget_answers400InTheDialectOfItsRawPrefix() {
        // Jetty cannot decode these targets and builds no request from them; the raw prefix still says /api.
        List<Answer> api = List.of(
                server.raw("GET /api/auth/me%ZZ HTTP/1.1\r\nHost: localhost", new byte[0]),
                server.raw("GET /api/auth/me%00 HTTP/1.1\r\nHost: localhost", new byte[0]),
                server.raw("GET /api/% HTTP/1.1\r\nHost: localhost", new byte[0]),
                server.raw("GET http://localhost/api/auth/me%00?x=1 HTTP/1.1\r\nHost: localhost", new byte[0]));
        Answer auth = server.raw("GET /auth/confirm-email%00 HTTP/1.1\r\nHost: localhost", new byte[0]);
        Answer apiLookalike = server.raw("GET /apix/%00 HTTP/1.1\r\nHost: localhost", new byte[0]);

        assertThat(api).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.jsonEquals("{'detail': 'The request is malformed.'}")).as(answer.body()).isTrue();
        });
        for (Answer answer : List.of(auth, apiLookalike)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.jsonEquals("{'code': 400, 'message': 'The request is malformed.'}")).as(answer.body()).isTrue();
        }
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void requestLineWithoutAUsableTarget_answers400InCodeMessage() {
        // No target to read a route family from: nothing says which dialect the client speaks.
        Answer answer = server.raw("GET /api/auth/me HTTP/9.9\r\nHost: localhost", new byte[0]);

        assertThat(answer.status()).isBetween(400, 505);
        assertThat(answer.json().has("code")).as(answer.body()).isTrue();
    }

    @Test
    void unusableRequestLineOnAKeptAliveConnection_afterAGoodApiRequest_speaksCodeMessage() throws Exception {
        // A kept target belongs to the one request whose target failed, never to the one before it.
        int port = java.net.URI.create(server.baseUrl()).getPort();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GARBAGE\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String both = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(both).contains("{\"detail\":\"Not authenticated\"}")
                    .endsWith("{\"code\":400,\"message\":\"The request is malformed.\"}");
        }
    }

    @Test
    void requestLineAndHeaderTricks_answer4xxWithoutAStackTrace() {
        String json = "{\"email\": \"a@example.org\"}";
        List<Answer> answers = List.of(
                server.raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost", new byte[0]),
                server.raw("GET /api/auth/me HTTP/9.9\r\nHost: localhost", new byte[0]),
                server.raw("GARBAGE", new byte[0]),
                server.raw("GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nBad Header: x", new byte[0]),
                server.raw("GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\u0000b", new byte[0]),
                server.raw("POST /api/auth/magic-link HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 5\r\nTransfer-Encoding: chunked", "0\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                server.raw("POST /api/auth/magic-link HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nContent-Length: 26\r\nContent-Length: 3", json.getBytes(StandardCharsets.UTF_8)),
                server.raw("POST /api/auth/magic-link HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nTransfer-Encoding: chunked", "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isBetween(400, 505).isNotEqualTo(500);
            assertThat(answer.mediaType()).isEqualTo("application/json");
            assertThat(answer.json().has("detail") || answer.json().has("code")).as(answer.body()).isTrue();
        });
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void declaredLengthOverTheLimit_answers413BeforeReadingTheBody() {
        Answer answer = server.raw("POST /api/auth/magic-link HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 999999999", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.jsonEquals("{'detail': 'The request body is too large (at most 16384 bytes).'}")).isTrue();
    }

    @Test
    void oversizedBodiesOnKeptAliveConnections_eachGetTheir413() {
        // Answering before the body is read must not reset the connection under the client's feet.
        byte[] oversized = ("{\"email\": \"" + "a".repeat(100_000) + "@example.org\"}").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 40; i++) {
            Answer answer = server.post("/api/auth/magic-link", oversized, "Content-Type", "application/json");
            assertThat(answer.status()).as("request %d", i).isEqualTo(413);
        }
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void chunkedBodyOverTheLimit_answers413() {
        String chunk = Integer.toHexString(20_000) + "\r\n" + "a".repeat(20_000) + "\r\n0\r\n\r\n";

        Answer answer = server.raw("POST /auth/send-email-confirmation HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + server.bearer() + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunk.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("code").asInt()).isEqualTo(413);
        assertThat(server.fakes.totalCalls()).isZero();
    }
}
