package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** Request → mail → confirm → verified identity, over real HTTP, SMTP and database. */
@OnEveryDatabase
class LinkEmailEndToEndTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private static String signedIn(String primary) {
        return TestServer.accessToken(server.openAccount(primary));
    }

    @Test
    void requestThenConfirm_linksTheAddressOnce() {
        String alice = signedIn("alice@example.com");

        Answer requested = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"  Alice.Work@Example.org \"}", alice);
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.body()).isEqualTo("{\"message\":\"If that email can be linked, a confirmation email has been sent.\"}");

        String token = server.lastTokenMailedTo("Alice.Work@example.org");
        Answer confirmed = server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("message").asText()).isEqualTo("Email confirmed.");
        assertThat(confirmed.json().get("email").asText()).isEqualTo("Alice.Work@Example.org");

        Answer me = server.get("/api/auth/me", alice);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("emails").findValuesAsText("email")).containsExactly("alice@example.com", "Alice.Work@Example.org");
        assertThat(me.json().get("emails").get(1).get("verified").asBoolean()).isTrue();

        Answer again = server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("detail").isTextual()).isTrue();
    }

    /**
     * SPEC: addresses are "delivered to and shown as the address was first given". A second
     * request spelled otherwise used to be mailed, listed and finally linked in its own spelling.
     */
    @Test
    void aSecondRequestSpelledOtherwise_isMailedShownAndLinkedAsTheAddressWasFirstGiven() throws Exception {
        String dora = signedIn("dora@example.com");
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"Dora.Two@Example.org\"}", dora)
                .status()).isEqualTo(202);
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"DORA.TWO@EXAMPLE.ORG\"}", dora)
                .status()).isEqualTo(202);

        List<MimeMessage> mails = server.mailsTo("dora.two@example.org");
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("Dora.Two@Example.org");
        }
        assertThat(server.get("/api/auth/me", dora).json().get("emails").findValuesAsText("email"))
                .containsExactly("dora@example.com", "Dora.Two@Example.org");
        Answer confirmed = server.postJson("/api/auth/confirm-email",
                "{\"token\":\"" + server.lastTokenMailedTo("dora.two@example.org") + "\"}");
        assertThat(confirmed.json().get("email").asText()).isEqualTo("Dora.Two@Example.org");
    }

    @Test
    void concurrentConfirmsOfOneToken_exactlyOneWins() throws Exception {
        String bob = signedIn("bob@example.com");
        server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"bob.race@example.org\"}", bob);
        String token = server.lastTokenMailedTo("bob.race@example.org");

        List<Integer> statuses = concurrently(12, () ->
                server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}").status());

        assertThat(statuses).containsOnly(200, 400);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void htmlPages_getShowsAButtonAndConsumesNothing_postConfirms() {
        String carol = signedIn("carol@example.com");
        server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"carol.two@example.org\"}", carol);
        String token = server.lastTokenMailedTo("carol.two@example.org");

        for (int i = 0; i < 3; i++) {
            Answer page = server.get("/auth/confirm-email?token=" + token, null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("<form", "method=\"post\"", "Confirm");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'");
        }
        Answer confirmed = server.postForm("/auth/confirm-email", "token=" + token);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("carol.two@example.org");

        Answer reused = server.postForm("/auth/confirm-email", "token=" + token);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.header("Content-Type")).startsWith("text/html");
    }

    static <T> List<T> concurrently(int threads, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
