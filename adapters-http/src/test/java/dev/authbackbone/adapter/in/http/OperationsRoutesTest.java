package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.in.http.ops.HealthCheck;
import dev.authbackbone.adapter.in.http.ops.HealthRoutes;
import dev.authbackbone.adapter.in.http.ops.MetricsRoutes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OperationsRoutesTest {

    private static final AtomicBoolean DATABASE_UP = new AtomicBoolean(true);
    /** A database that does not answer: the check waits for its pool's timeout, then finds it down. */
    private static final AtomicBoolean DATABASE_HANGS = new AtomicBoolean(false);

    private static final HealthCheck DATABASE = new HealthCheck() {
        public String name() {
            return "database";
        }

        public Status check() {
            if (DATABASE_HANGS.get()) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Status.unhealthy();
            }
            return DATABASE_UP.get() ? Status.healthy() : Status.unhealthy();
        }
    };

    private static final AtomicBoolean MAIL_UP = new AtomicBoolean(true);

    private static final HealthCheck MAIL = new HealthCheck() {
        public String name() {
            return "mail";
        }

        public boolean essential() {
            return false;
        }

        public Status check() {
            return new Status(MAIL_UP.get(), Map.of("breaker", "CLOSED"));
        }
    };

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass(List.of(
            new HealthRoutes(List.of(DATABASE, MAIL)),
            new MetricsRoutes(() -> "# TYPE demo_total counter\ndemo_total 1.0\n")));

    @Test
    void ready_everythingUp_is200NamingEachComponent() {
        DATABASE_UP.set(true);

        Answer answer = server.get("/health/ready");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.jsonEquals("{'status': 'UP', 'components': {'database': {'status': 'UP'},"
                + " 'mail': {'status': 'UP', 'breaker': 'CLOSED'}}}")).as(answer.body()).isTrue();
    }

    @Test
    void ready_aComponentDown_is503_whileLiveStays200() {
        DATABASE_UP.set(false);
        try {
            Answer ready = server.get("/health/ready");
            Answer live = server.get("/health/live");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.header("Retry-After")).isEqualTo("5");
            assertThat(ready.json().at("/status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().at("/components/database/status").asText()).isEqualTo("DOWN");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().at("/status").asText()).isEqualTo("UP");
            assertThat(live.json().at("/components/database/status").asText()).isEqualTo("DOWN");
        } finally {
            DATABASE_UP.set(true);
        }
    }

    @Test
    void live_whileTheDatabaseCheckHangs_answersAtOnceWithTheLastFinding_readyWaitsAndIs503() {
        DATABASE_UP.set(true);
        assertThat(server.get("/health/ready").status()).isEqualTo(200);
        DATABASE_HANGS.set(true);
        try {
            long started = System.nanoTime();
            Answer live = server.get("/health/live");

            assertThat(live.status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a liveness probe's wait").isLessThan(Duration.ofSeconds(1));
            assertThat(live.json().at("/components/database/status").asText()).as("as last found").isEqualTo("UP");
            Answer ready = server.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.header("Retry-After")).isEqualTo("5");
        } finally {
            DATABASE_HANGS.set(false);
        }
    }

    @Test
    void ready_aComponentThatIsNotEssentialDown_is200Degraded() {
        MAIL_UP.set(false);
        try {
            Answer ready = server.get("/health/ready");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/status").asText()).isEqualTo("DEGRADED");
            assertThat(ready.json().at("/components/mail/status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().at("/components/database/status").asText()).isEqualTo("UP");
            assertThat(server.get("/health/live").json().at("/status").asText()).isEqualTo("UP");
        } finally {
            MAIL_UP.set(true);
        }
    }

    @Test
    void metrics_isThePrometheusTextFormat() {
        Answer answer = server.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(answer.body()).contains("demo_total 1.0");
    }

    @Test
    void openApi_isTheDocumentAsJson() {
        Answer answer = server.get("/openapi.json");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.json().at("/openapi").asText()).isEqualTo("3.0.3");
        assertThat(answer.json().at("/paths").size()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void docs_pageAndItsFilesComeFromThisServerUnderAStrictPolicy() {
        Answer page = server.get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self';",
                "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("http", "unsafe-eval");
        assertThat(page.body()).doesNotContain("http://", "https://", "//cdn");
        for (String file : List.of("/docs/swagger-ui.css", "/docs/swagger-ui-bundle.js", "/docs/docs.js",
                "/docs/favicon-32x32.png")) {
            // Read directly: Swagger UI's own code holds words that Answer refuses in a body ("Exception").
            HttpResponse<byte[]> asset = fetch(file);
            assertThat(asset.statusCode()).as(file).isEqualTo(200);
            assertThat(asset.body().length).as(file).isGreaterThan(100);
            assertThat(asset.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
        assertThat(server.get("/docs/docs.js").body()).contains("url: '/openapi.json'", "validatorUrl: null");
        assertThat(server.get("/docs/index.html").status()).isEqualTo(404);
    }

    private static HttpResponse<byte[]> fetch(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
