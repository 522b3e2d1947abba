package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Whatever an address's state, the request is answered alike, verified addresses get a notice,
 * and what the requester can look at afterwards (its account, a re-send, its events, the metrics)
 * is the same too.
 */
@OnEveryDatabase
class NoEnumerationEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void unknownPendingVerifiedHereAndVerifiedElsewhere_getByteIdenticalAnswers() {
        try (TestServer server = TestServer.start(database)) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            server.openAccount("bob@example.com");
            String pending = "pending@example.com";
            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + pending + "\"}", alice);

            Answer unknown = request(server, alice, "unknown@example.com");
            Answer stillPending = request(server, alice, pending);
            Answer verifiedHere = request(server, alice, "alice@example.com");
            Answer verifiedElsewhere = request(server, alice, "bob@example.com");

            for (Answer answer : List.of(stillPending, verifiedHere, verifiedElsewhere)) {
                assertThat(answer.status()).isEqualTo(unknown.status()).isEqualTo(202);
                assertThat(answer.body()).isEqualTo(unknown.body());
                assertThat(comparableHeaders(answer)).isEqualTo(comparableHeaders(unknown));
            }

            assertNotice(server.mailsTo("alice@example.com"));
            assertNotice(server.mailsTo("bob@example.com"));
            assertThat(TestServer.text(last(server.mailsTo("unknown@example.com")))).contains("token=");
        }
    }

    /**
     * An address is compared case-insensitively but mailed as it was first given: asked for in
     * another case, a held address's sign-in link and "already linked" notice go to the spelling its
     * owner gave, while the requester's own view keeps the spelling it typed.
     */
    @Test
    void heldAddressAskedForInAnotherCase_isMailedAsFirstGiven_andShownToTheRequesterAsTyped() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            server.openAccount("Foo.Bar@Example.com");
            String carol = TestServer.accessToken(server.openAccount("carol@example.com"));

            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"FOO.BAR@EXAMPLE.COM\"}").status()).isEqualTo(202);
            assertThat(request(server, carol, "foo.bar@EXAMPLE.com").status()).isEqualTo(202);

            List<MimeMessage> mails = server.mailsTo("foo.bar@example.com");
            assertThat(mails).hasSize(2);
            for (MimeMessage mail : mails) {
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("Foo.Bar@Example.com");
            }
            assertThat(server.get("/api/auth/me", carol).body()).contains("\"email\":\"foo.bar@EXAMPLE.com\",\"verified\":false");
        }
    }

    /**
     * The attack: an account asks for a free address, one pending on another account and one
     * verified on another account (same length and first letter, so masks and lengths match), then
     * looks at everything it can see. Each attacker is its own account, so each /me holds one target.
     */
    @Test
    void afterTheRequest_freePendingElsewhereAndVerifiedElsewhere_lookAlikeToTheRequester() {
        try (TestServer server = TestServer.start(database)) {
            server.openAccount("bob@example.com");
            String carol = TestServer.accessToken(server.openAccount("carol@example.com"));
            request(server, carol, "ben@example.com");

            Map<String, Observed> seen = new LinkedHashMap<>();
            seen.put("free", observe(server, "mia@example.com", "bea@example.com"));
            seen.put("pending elsewhere", observe(server, "max@example.com", "ben@example.com"));
            seen.put("verified elsewhere", observe(server, "mel@example.com", "bob@example.com"));

            Observed free = seen.get("free");
            SoftAssertions softly = new SoftAssertions();
            softly.assertThat(free.me()).contains("\"email\":\"<target>\",\"verified\":false");
            softly.assertThat(free.resend()).startsWith("200 ");
            softly.assertThat(free.resendAgainAfter()).contains("\"email\":\"<target>\",\"verified\":false");
            seen.forEach((state, observed) -> {
                softly.assertThat(observed.request()).as(state + ": request answer").isEqualTo(free.request());
                softly.assertThat(observed.metricsAfterRequest()).as(state + ": metrics after request")
                        .isEqualTo(free.metricsAfterRequest());
                softly.assertThat(observed.me()).as(state + ": /me").isEqualTo(free.me());
                softly.assertThat(observed.resend()).as(state + ": re-send answer").isEqualTo(free.resend());
                softly.assertThat(observed.metricsAfterResend()).as(state + ": metrics after re-send")
                        .isEqualTo(free.metricsAfterResend());
                softly.assertThat(observed.resendAgainAfter()).as(state + ": /me after re-send")
                        .isEqualTo(free.resendAgainAfter());
                softly.assertThat(observed.events()).as(state + ": /me/events").isEqualTo(free.events());
            });
            // The re-send mailed the notice again; no mail to the verified address ever held a link.
            List<MimeMessage> notices = server.mailsTo("bob@example.com");
            softly.assertThat(notices).hasSize(2);
            notices.forEach(notice -> softly.assertThat(TestServer.text(notice)).doesNotContain("token="));
            // The listed entry links nothing: the address stays on bob alone.
            softly.assertThat(server.count("select count(*) from email_identity where email_canonical = 'bob@example.com'"))
                    .isEqualTo(1L);
            softly.assertAll();
        }
    }

    /**
     * Watching the entry instead: an account asks for a free address, then its owner confirms it on
     * their own account. The requester's entry must not vanish (that would tell it the address was
     * just taken); it stays pending like one verified before the request, and a re-send mails a notice.
     */
    @Test
    void afterTheOwnerConfirmsTheAddressElsewhere_theRequesterStillSeesItPending() {
        try (TestServer server = TestServer.start(database)) {
            String mallory = TestServer.accessToken(server.openAccount("mallory@example.com"));
            String owner = TestServer.accessToken(server.openAccount("owner@example.com"));
            request(server, mallory, "dana@example.com");
            String before = server.get("/api/auth/me", mallory).body();
            request(server, owner, "dana@example.com");
            assertThat(server.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + server.lastTokenMailedTo("dana@example.com") + "\"}").status()).isEqualTo(200);

            assertThat(server.get("/api/auth/me", mallory).body()).isEqualTo(before)
                    .contains("{\"email\":\"dana@example.com\",\"verified\":false");
            Answer resent = server.postJson("/auth/send-email-confirmation", "{\"email\":\"dana@example.com\"}", mallory);
            assertThat(resent.status()).isEqualTo(200);
            assertThat(resent.body()).isEqualTo("{\"email\":\"dana@example.com\",\"sent\":true}");
            assertThat(TestServer.text(last(server.mailsTo("dana@example.com")))).doesNotContain("token=");
        }
    }

    /** What {@code attackerEmail}'s account sees around asking for {@code target}, with the target and time left out. */
    private static Observed observe(TestServer server, String attackerEmail, String target) {
        String bearer = TestServer.accessToken(server.openAccount(attackerEmail));
        Map<String, Double> m0 = scrape(server);
        String request = comparable(request(server, bearer, target), target);
        Map<String, Double> m1 = scrape(server);
        String me = me(server, bearer, attackerEmail, target);
        String resend = comparable(server.postJson("/auth/send-email-confirmation", "{\"email\":\"" + target + "\"}", bearer),
                target);
        Map<String, Double> m2 = scrape(server);
        String meAfter = me(server, bearer, attackerEmail, target);
        JsonNode events = server.get("/api/auth/me/events", bearer).json().get("events");
        events.forEach(event -> ((ObjectNode) event).remove(List.of("occurred_at", "request_id")));
        return new Observed(request, delta(m0, m1), me, resend, delta(m1, m2), meAfter, events.toString());
    }

    private record Observed(String request, Map<String, Double> metricsAfterRequest, String me, String resend,
                            Map<String, Double> metricsAfterResend, String resendAgainAfter, String events) {}

    private static String me(TestServer server, String bearer, String attackerEmail, String target) {
        ObjectNode me = (ObjectNode) server.get("/api/auth/me", bearer).json();
        me.remove(List.of("id", "created_at"));
        me.get("emails").forEach(entry -> {
            ObjectNode e = (ObjectNode) entry;
            if (!e.get("verified_at").isNull()) {
                e.put("verified_at", "<time>");
            }
        });
        return me.toString().replace(attackerEmail, "<me>").replace(target, "<target>");
    }

    private static String comparable(Answer answer, String target) {
        return answer.status() + " " + comparableHeaders(answer) + " " + answer.body().replace(target, "<target>");
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+(?:\\{[^}]*})?) ([-0-9.E+]+|NaN)$", Pattern.MULTILINE);

    /** The counters of the scrape: auth_* and the HTTP request counts (durations and pool gauges vary with timing). */
    private static Map<String, Double> scrape(TestServer server) {
        Map<String, Double> samples = new TreeMap<>();
        Matcher m = SAMPLE.matcher(server.get("/metrics", null).body());
        while (m.find()) {
            String name = m.group(1);
            boolean counted = name.startsWith("auth_") && !name.startsWith("auth_db_pool")
                    || name.startsWith("http_server_requests_seconds_count");
            if (counted && !m.group(2).equals("NaN")) {
                samples.put(name, Double.parseDouble(m.group(2)));
            }
        }
        return samples;
    }

    private static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> changed = new TreeMap<>();
        after.forEach((name, value) -> {
            double d = value - before.getOrDefault(name, 0.0);
            if (d != 0) {
                changed.put(name, d);
            }
        });
        return changed;
    }

    private static Answer request(TestServer server, String bearer, String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer);
    }

    private static Map<String, List<String>> comparableHeaders(Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(answer.headers());
        headers.remove("date");
        headers.remove("x-request-id");
        return headers;
    }

    private static void assertNotice(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        String text = TestServer.text(mails.get(0));
        assertThat(text).doesNotContain("token=").doesNotContain("confirm-email");
    }

    private static MimeMessage last(List<MimeMessage> mails) {
        return mails.get(mails.size() - 1);
    }
}
