package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Two instances of the server, each on its own port, on one database and one SMTP server, as
 * behind a load balancer: concurrent clients spread over both, and every rule that must hold
 * across instances is asserted exactly. The instances purge every second all the while.
 */
@OnEveryDatabase
class MultiInstanceEndToEndTest {

    private static final int CLIENTS_PER_INSTANCE = 16;
    private static final int ACCOUNT_LIMIT = 5;

    @Parameter
    TestDatabase database;

    private static GreenMail smtp;
    private static FreshDatabase shared;
    private static List<TestServer> instances;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        shared = database.fresh();
        Map<String, String> settings = Map.of("AUTH_DB_POOL_SIZE", "8",
                "AUTH_RATE_LIMIT_ACCOUNT", ACCOUNT_LIMIT + "/1h", "AUTH_PURGE_INTERVAL", "1s");
        instances = List.of(TestServer.instance(shared, smtp, settings), TestServer.instance(shared, smtp, settings));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        try {
            instances.forEach(TestServer::close);
        } finally {
            shared.close();
            smtp.stop();
        }
    }

    /** The instance client {@code number} talks to: they alternate, like a round-robin balancer. */
    private static TestServer instanceFor(int number) {
        return instances.get(number % instances.size());
    }

    private static TestServer first() {
        return instances.get(0);
    }

    private static Answer requestConfirmation(TestServer server, String bearer, String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer);
    }

    private static Answer confirm(TestServer server, String token) {
        return server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}");
    }

    @Test
    void sixteenClientsPerInstance_requestingOneFreshAddress_exactlyThreeAreAccepted() throws Exception {
        String bearer = TestServer.accessToken(first().openAccount("quota.owner@example.com"));

        List<Integer> statuses = Race.run(2 * CLIENTS_PER_INSTANCE, i ->
                requestConfirmation(instanceFor(i), bearer, i % 3 == 0 ? "Fresh.Race@Example.com" : "fresh.race@example.com")
                        .status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(2 * CLIENTS_PER_INSTANCE - 3);
        assertThat(first().mailsTo("fresh.race@example.com")).hasSize(3);
        assertThat(shared.count("select count(*) from email_request where email_canonical = 'fresh.race@example.com'"))
                .isEqualTo(3);
    }

    @Test
    void sixteenClientsPerInstance_confirmingOneToken_exactlyOneSucceeds() throws Exception {
        String bearer = TestServer.accessToken(first().openAccount("token.owner@example.com"));
        assertThat(requestConfirmation(instances.get(1), bearer, "one.token@example.com").status()).isEqualTo(202);
        String token = first().lastTokenMailedTo("one.token@example.com");

        List<Integer> statuses = Race.run(2 * CLIENTS_PER_INSTANCE, i -> confirm(instanceFor(i), token).status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(2 * CLIENTS_PER_INSTANCE - 1);
        assertThat(shared.count("select count(*) from email_identity where email_canonical = 'one.token@example.com'"))
                .isEqualTo(1);
    }

    @Test
    void twoAccountsRacingToConfirmOneAddress_oneHoldsItAndTheOtherGets409() throws Exception {
        // Several rounds, so that both orders of the race (and a near tie) are likely to be met.
        for (int round = 0; round < 4; round++) {
            String address = "contested" + round + "@example.com";
            List<String> accounts = List.of(first().openAccount("left" + round + "@example.com"),
                    first().openAccount("right" + round + "@example.com"));
            List<String> tokens = accounts.stream().map(account -> {
                assertThat(requestConfirmation(first(), TestServer.accessToken(account), address).status()).isEqualTo(202);
                return first().lastTokenMailedTo(address);
            }).toList();

            List<Integer> statuses = Race.run(2, i -> confirm(instanceFor(i), tokens.get(i)).status());

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
            String winner = accounts.get(statuses.indexOf(200));
            String loser = accounts.get(statuses.indexOf(409));
            assertThat(emailsOf(instances.get(1), winner)).contains(address);
            // Not the loser's: at most listed as pending, as any address verified elsewhere is for its requester.
            assertThat(verifiedEmailsOf(instances.get(1), loser)).doesNotContain(address);
            assertThat(shared.count("select count(*) from email_identity where email_canonical = '" + address + "'"))
                    .isEqualTo(1);
            // The loser's link keeps saying why, on either instance.
            assertThat(confirm(instances.get(round % 2), tokens.get(statuses.indexOf(409))).status()).isEqualTo(409);
        }
    }

    @Test
    void oneAccountRequestingManyAddressesOnBothInstances_isHeldToItsAccountQuota() throws Exception {
        String bearer = TestServer.accessToken(first().openAccount("sprayer@example.com"));

        List<Integer> statuses = Race.run(2 * CLIENTS_PER_INSTANCE, i ->
                requestConfirmation(instanceFor(i), bearer, "target" + i + "@example.com").status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(ACCOUNT_LIMIT);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(2 * CLIENTS_PER_INSTANCE - ACCOUNT_LIMIT);
    }

    @Test
    void firstSignInsWithTwoLinksForOneNewAddressOnBothInstances_openExactlyOneAccount() throws Exception {
        List<String> links = List.of(0, 1).stream().map(i -> {
            assertThat(instanceFor(i).postJson("/api/auth/magic-link", "{\"email\":\"newcomer@example.com\"}").status())
                    .isEqualTo(202);
            return first().lastTokenMailedTo("newcomer@example.com");
        }).toList();

        List<Answer> signIns = Race.run(2, i ->
                instanceFor(i).postJson("/api/auth/magic-link/verify", "{\"token\":\"" + links.get(i) + "\"}"));

        // The first sign-in opens the account and revokes the address's other links: the second
        // link signs in to that same account if it was used first, and is refused (400) if not.
        assertThat(signIns).extracting(Answer::status).contains(200).allMatch(s -> s == 200 || s == 400);
        assertThat(signIns.stream().filter(answer -> answer.status() == 200)
                .map(answer -> JWT.decode(answer.json().get("access_token").asText()).getSubject()).distinct())
                .hasSize(1);
        assertThat(shared.count("select count(*) from email_identity where email_canonical = 'newcomer@example.com'"))
                .isEqualTo(1);
        assertThat(shared.count("select count(*) from account a where not exists"
                + " (select 1 from email_identity i where i.account_id = a.id)")).isZero();
    }

    @Test
    void purgeRunningOnBothInstances_removesOnlyWhatNoRuleNeeds() throws Exception {
        String bearer = TestServer.accessToken(first().openAccount("purge.owner@example.com"));
        for (int i = 0; i < 3; i++) {
            assertThat(requestConfirmation(instanceFor(i), bearer, "kept@example.com").status()).isEqualTo(202);
        }
        for (int i = 0; i < 20; i++) {
            shared.execute("insert into email_request (id, email_canonical, purpose, accepted_at) values ("
                    + "cast('00000000-0000-4000-8000-" + String.format("%012d", i) + "' as uuid), 'old" + i
                    + "@example.com', 'EMAIL_CONFIRMATION', current_timestamp - interval '2' day)");
            shared.execute("insert into email_token (token_hash, purpose, email, email_canonical, issued_at, expires_at,"
                    + " consumed_at) values ('" + String.format("%064d", i) + "', 'SIGN_IN', 'old" + i + "@example.com', 'old"
                    + i + "@example.com', current_timestamp - interval '9' day, current_timestamp - interval '8' day, null)");
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (shared.count("select count(*) from email_request where email_canonical like 'old%'")
                + shared.count("select count(*) from email_token where email_canonical like 'old%'") > 0) {
            assertThat(System.nanoTime()).as("old rows purged within 10 s").isLessThan(deadline);
            Thread.sleep(100);
        }

        assertThat(shared.count("select count(*) from email_request where email_canonical = 'kept@example.com'")).isEqualTo(3);
        assertThat(shared.count("select count(*) from email_token where email_canonical = 'kept@example.com'")).isEqualTo(3);
        assertThat(requestConfirmation(instances.get(1), bearer, "KEPT@example.com").status()).isEqualTo(429);
    }

    private static List<String> verifiedEmailsOf(TestServer server, String account) {
        Answer me = server.get("/api/auth/me", TestServer.accessToken(account));
        assertThat(me.status()).isEqualTo(200);
        List<String> verified = new ArrayList<>();
        me.json().get("emails").forEach(entry -> {
            if (entry.get("verified").asBoolean()) {
                verified.add(entry.get("email").asText());
            }
        });
        return verified;
    }

    private static List<String> emailsOf(TestServer server, String account) {
        Answer me = server.get("/api/auth/me", TestServer.accessToken(account));
        assertThat(me.status()).isEqualTo(200);
        return me.json().get("emails").findValuesAsText("email");
    }
}
