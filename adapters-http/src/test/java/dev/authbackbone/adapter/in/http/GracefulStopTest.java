package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

    @Test
    void stop_withARequestInFlight_letsItFinish() throws Exception {
        HttpServerWithFakes server = HttpServerWithFakes.start();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.fakes.requestSignInLink.answerWith(command -> {
            entered.countDown();
            await(release);
            return new RequestSignInLinkResult.Accepted();
        });

        CompletableFuture<Answer> inFlight = CompletableFuture.supplyAsync(
                () -> server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}"));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        Thread.sleep(200);
        release.countDown();

        assertThat(inFlight.get(10, TimeUnit.SECONDS).status()).isEqualTo(202);
        stopping.get(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(stopping).isCompleted();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
