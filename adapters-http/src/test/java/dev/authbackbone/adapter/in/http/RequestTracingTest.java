package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class RequestTracingTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private final List<String> measured = new CopyOnWriteArrayList<>();
    private final List<String> limited = new CopyOnWriteArrayList<>();
    private final HttpMetrics metrics = new HttpMetrics() {
        @Override
        public void requestHandled(String method, String route, int status, long nanos) {
            measured.add(method + " " + route + " " + status);
        }

        @Override
        public void clientIpLimited() {
            limited.add("ip");
        }
    };
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private HttpServerWithFakes server;

    @BeforeEach
    void start() {
        logs.start();
        root.addAppender(logs);
        server = HttpServerWithFakes.withMetrics(metrics, ClientIpLimit.of(1, Duration.ofMinutes(10)));
    }

    @AfterEach
    void stop() {
        server.close();
        root.detachAppender(logs);
    }

    @Test
    void saneClientId_isEchoedAndHandedToTheUseCase() {
        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}",
                "X-Request-Id", "trace-1.A_b");

        assertThat(answer.header("X-Request-Id")).isEqualTo("trace-1.A_b");
        assertThat(server.fakes.requestSignInLink.commands().get(0).origin().requestId()).contains("trace-1.A_b");
        assertThat(server.fakes.requestSignInLink.commands().get(0).origin().clientIp()).contains("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "ünïcode", "quote\"", "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void insaneClientId_isReplacedByAFreshUuid(String given) {
        Answer answer = server.get("/api/auth/me", "X-Request-Id", given);

        assertThat(answer.header("X-Request-Id")).matches(UUID_PATTERN);
    }

    @Test
    void noClientId_getsAFreshOneEachTime_onErrorAnswersToo() {
        String first = server.get("/api/auth/me").header("X-Request-Id");
        String second = server.get("/nowhere").header("X-Request-Id");

        assertThat(first).matches(UUID_PATTERN);
        assertThat(second).matches(UUID_PATTERN).isNotEqualTo(first);
    }

    @Test
    void metrics_getTheRouteTemplateNeverTheRawPath_andTheStatus() {
        server.get("/api/auth/me", "Authorization", server.bearer());
        server.get("/auth/confirm-email?token=secret-looking-value");
        server.get("/no/such/path/ada@example.com");
        server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}");
        server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}");

        assertThat(measured).containsExactly("GET /api/auth/me 200", "GET /auth/confirm-email 200",
                "GET unmatched 404", "POST /api/auth/magic-link 202", "POST /api/auth/magic-link 429");
        assertThat(limited).containsExactly("ip");
    }

    @Test
    void logLine_oneForTheRequest_withItsIdAndNoTokenHeaderOrQuery() {
        String bearer = server.bearer();
        server.get("/auth/confirm-email?token=secret-looking-value", "X-Request-Id", "req-77", "Authorization", bearer);

        List<ILoggingEvent> lines = logs.list.stream().filter(e -> e.getLoggerName().equals("auth-backbone.http")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getFormattedMessage()).startsWith("GET /auth/confirm-email 200 ");
        assertThat(lines.get(0).getMDCPropertyMap()).containsEntry(RequestTracing.MDC_KEY, "req-77");
        assertThat(lines.get(0).getKeyValuePairs()).extracting(kv -> kv.key)
                .containsExactly("method", "route", "status", "duration_ms");
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("secret-looking-value", bearer));
    }

    @Test
    void refusedAccessToken_isASecurityLineWithoutTheToken() {
        server.get("/api/auth/me", "Authorization", "Bearer not.a.valid-token");

        assertThat(logs.list).filteredOn(e -> e.getLoggerName().equals(SecurityLog.NAME))
                .singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).contains("access_token_rejected")
                        .doesNotContain("not.a.valid-token"));
    }
}
