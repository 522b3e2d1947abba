package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The attack a hostile review ran: bearer tokens naming made-up {@code kid}s, sent concurrently.
 * Each used to hold a request thread while it waited for a re-read of the keys (about 200 ms), so
 * a few hundred a second starved every other client. Now each is refused at once, and the keys are
 * re-read in the background at most once a second, whatever the number of such tokens. The bound is
 * a count ({@code auth_signing_key_reads_total}, against the flood's own duration), so a slow machine
 * cannot make it flaky; a wall-clock bound backs it, loose enough for one.
 */
@OnEveryDatabase
class UnknownKidFloodEndToEndTest {

    private static final int REQUESTS = 200;
    /** Below the server's 48 request threads: the old wait held one per request, not the pool. */
    private static final int CLIENTS = 32;

    @Parameter
    TestDatabase database;

    @Test
    void floodOfMadeUpKids_isAll401_andReadsTheKeysAtMostOnceASecond() throws Exception {
        // An hour between scheduled reads: every read the flood sees was asked for by a made-up kid.
        try (TestServer server = TestServer.start(database, Map.of("AUTH_JWT_SECRET", "", "AUTH_JWT_KEY_REFRESH", "1h"))) {
            String account = server.openAccount("flood@example.com");
            String live = server.issue(account);
            List<String> forged = forgedWithMadeUpKids(account);
            double readsBefore = keyReads(server);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Answer> answers = new ArrayList<>();
            long started = System.nanoTime();
            try {
                List<Future<Answer>> sent = new ArrayList<>();
                for (String token : forged) {
                    sent.add(clients.submit(() -> server.get("/api/auth/me", token)));
                }
                for (Future<Answer> answer : sent) {
                    answers.add(answer.get(60, TimeUnit.SECONDS));
                }
            } finally {
                clients.shutdownNow();
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            double reads = keyReads(server) - readsBefore;

            assertThat(answers).hasSize(REQUESTS).allSatisfy(answer -> {
                assertThat(answer.status()).isEqualTo(401);
                assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            });
            // One read may start at once, then one per whole second the flood lasted; the old wait read every 200 ms.
            assertThat(reads).as("key reads during a flood of %d made-up kids lasting %d ms", REQUESTS, elapsedMillis)
                    .isLessThanOrEqualTo(1 + Math.ceil(elapsedMillis / 1000.0));
            // The schedule alone would be a wait of a whole gap (1 s) per round of CLIENTS requests; unhindered the
            // flood takes a fraction of a second, so half of that sum is far from both.
            assertThat(elapsedMillis).as("the flood's duration, in ms").isLessThan(REQUESTS / CLIENTS * 1000L / 2);
            assertThat(server.get("/api/auth/me", live).status()).as("a live token, after the flood").isEqualTo(200);
        }
    }

    /** Tokens as an attacker makes them: well formed, RS256, each with a kid of its own and the attacker's key. */
    private static List<String> forgedWithMadeUpKids(String account) {
        KeyPair attacker = StoredKeys.foreign();
        Algorithm algorithm = Algorithm.RSA256((RSAPublicKey) attacker.getPublic(), (RSAPrivateKey) attacker.getPrivate());
        Instant now = Instant.now();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            tokens.add(JWT.create().withKeyId(UUID.randomUUID().toString()).withIssuer("auth-backbone")
                    .withAudience("auth-backbone").withSubject(account).withClaim("sid", TestServer.sessionIdOf(account))
                    .withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).withJWTId(UUID.randomUUID().toString())
                    .sign(algorithm));
        }
        return tokens;
    }

    private static double keyReads(TestServer server) {
        return OperationsEndToEndTest.value(server.get("/metrics", null).body(), "auth_signing_key_reads_total");
    }
}
