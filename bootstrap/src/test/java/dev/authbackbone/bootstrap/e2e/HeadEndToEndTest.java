package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HEAD answers as GET does, without the body: the same status and headers. The key set, discovery,
 * metrics and the API reference answered HEAD with an empty text/plain 200 and no caching headers,
 * so a cache or a monitor checking them by HEAD learnt nothing true (an outside probe).
 */
class HeadEndToEndTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestDatabase.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/.well-known/jwks.json", "/.well-known/openid-configuration", "/metrics", "/docs",
            "/docs/docs.js", "/openapi.json", "/health/live"})
    void head_hasTheStatusAndHeadersOfGet_andNoBody(String path) {
        Answer get = server.get(path, null);
        Answer head = server.send(path, "HEAD", null, null, null);

        assertThat(head.status()).isEqualTo(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).isNotNull();
        for (String header : List.of("Content-Type", "Cache-Control", "X-Content-Type-Options")) {
            assertThat(head.header(header)).as(header).isEqualTo(get.header(header));
        }
        assertThat(head.body()).isEmpty();
    }
}
