package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Sessions over real HTTP: a sign-in starts one, refresh tokens rotate and a reused one ends the
 * whole session, sign-out (here, everywhere, or one session by id) ends sessions at once, and
 * disabling an account ends its sessions for good.
 */
@OnEveryDatabase
class SessionsEndToEndTest {

    private static final String INVALID = "Bearer error=\"invalid_token\"";

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

    private record Tokens(String access, String refresh) {
        static Tokens of(Answer answer) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            return new Tokens(answer.json().get("access_token").asText(), answer.json().get("refresh_token").asText());
        }

        String sid() {
            return JWT.decode(access).getClaim("sid").asString();
        }
    }

    private static Tokens signIn(String email) {
        return Tokens.of(server.signIn(email));
    }

    private static Answer refresh(String refreshToken) {
        return server.postJson("/api/auth/token/refresh", "{\"refresh_token\":\"" + refreshToken + "\"}");
    }

    private static Answer me(String access) {
        return server.get("/api/auth/me", access);
    }

    private static void assertRefused(Answer answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(INVALID);
    }

    private static void assertBadRefresh(Answer answer) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").isTextual()).isTrue();
    }

    @Test
    void verify_startsASession_andRefreshRotatesBothTokens() {
        Answer verified = server.signIn("rotate@example.com");
        assertThat(verified.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "refresh_token");
        Tokens first = Tokens.of(verified);
        assertThat(first.sid()).isNotBlank();

        Answer refreshed = refresh(first.refresh());

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("Cache-Control")).isEqualTo("no-store");
        assertThat(refreshed.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(refreshed.json().get("expires_in").asInt()).isEqualTo(900);
        Tokens second = Tokens.of(refreshed);
        assertThat(second.refresh()).isNotEqualTo(first.refresh());
        assertThat(second.sid()).isEqualTo(first.sid());
        assertThat(me(second.access()).status()).isEqualTo(200);
        assertThat(Tokens.of(refresh(second.refresh())).sid()).isEqualTo(first.sid());
    }

    @Test
    void reusedRefreshToken_endsTheWholeSession() {
        Tokens first = signIn("copied@example.com");
        Tokens second = Tokens.of(refresh(first.refresh()));
        Tokens third = Tokens.of(refresh(second.refresh()));
        assertThat(me(third.access()).status()).isEqualTo(200);

        // An attacker (or a stale copy) presents the spent first token.
        assertBadRefresh(refresh(first.refresh()));

        assertBadRefresh(refresh(third.refresh()));
        assertRefused(me(third.access()));
        assertRefused(me(first.access()));
        Tokens other = signIn("copied@example.com");
        assertThat(me(other.access()).status()).as("a new sign-in is a new session").isEqualTo(200);
    }

    @Test
    void concurrentRefreshesWithOneToken_exactlyOneSucceeds() throws Exception {
        Tokens first = signIn("racer@example.com");

        List<Integer> statuses = Race.run(8, i -> refresh(first.refresh()).status());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 400).hasSize(7);
    }

    @Test
    void refresh_badInput_isTheSame400OrA422_andMalformedWritesNothing() {
        assertBadRefresh(refresh("not-a-token"));
        assertBadRefresh(refresh("A".repeat(43)));
        assertThat(server.postJson("/api/auth/token/refresh", "{}").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/token/refresh", "{\"refresh_token\": 5}").status()).isEqualTo(422);
    }

    @Test
    void signOut_endsThisSessionAtOnce_andOnlyThisOne() {
        Tokens here = signIn("leaver@example.com");
        Tokens there = signIn("leaver@example.com");

        Answer out = server.postJson("/api/auth/sign-out", "", here.access());

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.body()).isEmpty();
        assertRefused(me(here.access()));
        assertBadRefresh(refresh(here.refresh()));
        assertRefused(server.postJson("/api/auth/sign-out", "", here.access()));
        assertThat(me(there.access()).status()).isEqualTo(200);
        assertThat(server.postJson("/api/auth/sign-out", "", null).status()).isEqualTo(401);
    }

    @Test
    void signOutEverywhere_endsEverySessionOfTheAccount() {
        Tokens one = signIn("everywhere@example.com");
        Tokens two = signIn("everywhere@example.com");
        Tokens bystander = signIn("bystander@example.com");

        Answer done = server.postJson("/api/auth/sign-out-everywhere", "", one.access());
        assertThat(done.status()).isEqualTo(204);
        assertThat(done.body()).isEmpty();
        assertThat(done.header("Content-Type")).as("an answer without a body has no type").isNull();

        assertRefused(me(one.access()));
        assertRefused(me(two.access()));
        assertBadRefresh(refresh(two.refresh()));
        assertThat(me(bystander.access()).status()).isEqualTo(200);
    }

    /**
     * The attack: with a copied access token (a relying service sees every token) the thief asks
     * to link an address of their own. The owner signs out everywhere; the thief's confirmation
     * used to survive it, so confirming it afterwards put the thief's address on the account, and
     * signing in with it reached the account for good.
     */
    @Test
    void signOutEverywhere_alsoWithdrawsThePendingConfirmations_soACopiedTokensRequestCannotBeFinishedAfterIt() {
        Tokens owner = signIn("guarded@example.com");
        String accountId = me(owner.access()).json().get("id").asText();
        Tokens copied = signIn("guarded@example.com");
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"guarded.thief@example.net\"}",
                copied.access()).status()).isEqualTo(202);
        String thiefsLink = server.lastTokenMailedTo("guarded.thief@example.net");

        assertThat(server.postJson("/api/auth/sign-out-everywhere", "", owner.access()).status()).isEqualTo(204);

        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + thiefsLink + "\"}").status())
                .as("the confirmation asked for with the copied token").isEqualTo(400);
        Tokens thief = signIn("guarded.thief@example.net");
        assertThat(me(thief.access()).json().get("id").asText()).isNotEqualTo(accountId);
        Tokens again = signIn("guarded@example.com");
        assertThat(me(again.access()).json().get("emails").findValuesAsText("email")).containsExactly("guarded@example.com");
    }

    /**
     * The attack: a thief with a copied token keeps switching the account's primary between its two
     * addresses (and so keeps its undo links coming) while the owner signs out everywhere. Requests
     * that passed the bearer check just before the sign-out waited for the account's lock and then
     * switched the primary after the sign-out had answered; the session is now judged again under
     * that lock (ADR 0019), so nothing changes once the sign-out has answered.
     */
    @Test
    void signOutEverywhere_whileAThiefSpraysPrimaryChanges_nothingChangesAfterItHasAnswered() throws Exception {
        int clients = 16;
        Tokens owner = signIn("flipped@example.com");
        String accountId = me(owner.access()).json().get("id").asText();
        Tokens copied = signIn("flipped@example.com");
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"flipped@example.org\"}",
                owner.access()).status()).isEqualTo(202);
        assertThat(server.postJson("/api/auth/confirm-email",
                "{\"token\":\"" + server.lastTokenMailedTo("flipped@example.org") + "\"}").status()).isEqualTo(200);
        String changes = "select count(*) from audit_event where account_id = '" + accountId
                + "' and event_type in ('PRIMARY_CHANGED', 'ADDRESS_REMOVED')";
        AtomicInteger switched = new AtomicInteger();
        AtomicBoolean signingOut = new AtomicBoolean();
        Queue<Integer> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService ownersBrowser = Executors.newSingleThreadExecutor();
        try {
            Future<Long> changesWhenAnswered = ownersBrowser.submit(() -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (switched.get() < 2 * clients && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                signingOut.set(true);
                assertThat(server.postJson("/api/auth/sign-out-everywhere", "", owner.access()).status()).isEqualTo(204);
                return server.count(changes);
            });
            List<Integer> requestsPerClient = Race.run(clients, client -> {
                for (int i = 0; i < 500; i++) {
                    String to = (client + i) % 2 == 0 ? "flipped@example.org" : "flipped@example.com";
                    int status = server.postJson("/api/auth/emails/primary", "{\"email\":\"" + to + "\"}", copied.access())
                            .status();
                    if (status == 200) {
                        switched.incrementAndGet();
                    } else if (status == 401 && signingOut.get()) {
                        return i;
                    } else {
                        unexpected.add(status);
                    }
                }
                return 500;
            });
            long atTheAnswer = changesWhenAnswered.get(60, TimeUnit.SECONDS);

            assertThat(unexpected).as("every switch is made until the session has ended").isEmpty();
            assertThat(requestsPerClient).as("every client was refused once the session ended").allMatch(n -> n < 500);
            assertThat(server.count(changes)).as("changes made after sign-out everywhere had answered").isEqualTo(atTheAnswer);
        } finally {
            ownersBrowser.shutdownNow();
        }
    }

    @Test
    void listSessions_showsLiveOnesOnly_withCurrentMarked() {
        Tokens one = signIn("lister@example.com");
        Tokens two = signIn("lister@example.com");
        Tokens ended = signIn("lister@example.com");
        server.postJson("/api/auth/sign-out", "", ended.access());

        Answer list = server.get("/api/auth/sessions", two.access());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Cache-Control")).isEqualTo("no-store");
        List<String> ids = new ArrayList<>();
        for (JsonNode session : list.json().get("sessions")) {
            ids.add(session.get("id").asText());
            assertThat(session.get("created_at").asText()).endsWith("Z");
            assertThat(session.get("last_used_at").asText()).endsWith("Z");
            assertThat(session.get("current").asBoolean()).isEqualTo(session.get("id").asText().equals(two.sid()));
        }
        assertThat(ids).containsExactlyInAnyOrder(one.sid(), two.sid());
    }

    @Test
    void endSession_ownOtherSession_is204_andAnotherAccountsIsTheSame404AsAnUnknownOne() {
        Tokens mine = signIn("owner@example.com");
        Tokens myOther = signIn("owner@example.com");
        Tokens theirs = signIn("neighbour@example.com");

        Answer foreign = server.send("/api/auth/sessions/" + theirs.sid(), "DELETE", null, null, mine.access());
        Answer unknown = server.send("/api/auth/sessions/00000000-0000-4000-8000-000000000000", "DELETE", null, null,
                mine.access());
        Answer garbage = server.send("/api/auth/sessions/garbage", "DELETE", null, null, mine.access());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(unknown.body()).isEqualTo(garbage.body());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(me(theirs.access()).status()).isEqualTo(200);

        assertThat(server.send("/api/auth/sessions/" + myOther.sid(), "DELETE", null, null, mine.access()).status())
                .isEqualTo(204);
        assertRefused(me(myOther.access()));
        assertBadRefresh(refresh(myOther.refresh()));
        Answer again = server.send("/api/auth/sessions/" + myOther.sid(), "DELETE", null, null, mine.access());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).isEqualTo(unknown.body());
        assertThat(me(mine.access()).status()).isEqualTo(200);
    }

    /** Also the attack: a confirmation asked for with a copied token, finished after enabling, let its asker sign in. */
    @Test
    void disableThenEnable_noEarlierSessionWorks_norAConfirmationAskedForBefore() {
        Tokens before = signIn("paused@example.com");
        Tokens refreshed = Tokens.of(refresh(before.refresh()));
        String account = JWT.decode(before.access()).getSubject();
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"paused.thief@example.net\"}",
                refreshed.access()).status()).isEqualTo(202);
        String thiefsLink = server.lastTokenMailedTo("paused.thief@example.net");

        server.app.accounts().setDisabled(account, true);
        assertRefused(me(refreshed.access()));
        server.app.accounts().setDisabled(account, false);

        assertRefused(me(before.access()));
        assertRefused(me(refreshed.access()));
        assertBadRefresh(refresh(refreshed.refresh()));
        Tokens after = signIn("paused@example.com");
        assertThat(me(after.access()).status()).isEqualTo(200);
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + thiefsLink + "\"}").status())
                .as("the confirmation asked for before the account was disabled").isEqualTo(400);
    }

    /**
     * Another service, verifying offline, accepts an access token until its {@code exp}. Tokens
     * used to carry the full lifetime even when the session would end sooner by its maximum age,
     * so a refresh just before that end gave a token accepted elsewhere for up to 15 minutes after
     * the session had ended.
     */
    @Test
    void accessTokens_neverOutliveTheSessionsMaximumAge_fromTheSignInOrARefresh() {
        try (TestServer brief = TestServer.start(database, java.util.Map.of("AUTH_SESSION_MAX_TTL", "20s"))) {
            Answer signedIn = brief.signIn("brief@example.com");
            Tokens first = Tokens.of(signedIn);
            long signedInAt = JWT.decode(first.access()).getIssuedAtAsInstant().getEpochSecond();

            assertThat(JWT.decode(first.access()).getExpiresAtAsInstant().getEpochSecond()).isLessThanOrEqualTo(signedInAt + 20);
            assertThat(signedIn.json().get("expires_in").asLong()).isBetween(19L, 20L);
            Answer refreshed = brief.postJson("/api/auth/token/refresh", "{\"refresh_token\":\"" + first.refresh() + "\"}");
            Tokens second = Tokens.of(refreshed);
            assertThat(JWT.decode(second.access()).getExpiresAtAsInstant().getEpochSecond())
                    .as("a refreshed token ends with the session, not a lifetime after it").isLessThanOrEqualTo(signedInAt + 20);
            assertThat(refreshed.json().get("expires_in").asLong()).isLessThanOrEqualTo(20L);
        }
        Tokens ordinary = signIn("lasting@example.com");
        assertThat(JWT.decode(ordinary.access()).getExpiresAtAsInstant().getEpochSecond()
                - JWT.decode(ordinary.access()).getIssuedAtAsInstant().getEpochSecond()).as("the default lifetime").isEqualTo(900);
    }

    @Test
    void tokenWithoutASession_isRefused() {
        String forged = TestServer.accessToken("6a8c1f4e-2b3d-4e5f-8a9b-0c1d2e3f4a5b");

        assertRefused(me(forged));
    }
}
