package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The one-time code in every link mail, over real HTTP with real mail: it is in both parts of the
 * mail and in no URL, it and the link are one credential, a confirmation code works only for the
 * account that asked, five wrong codes kill code and link, and codes are stored only as hashes and
 * limited per client IP like every token route.
 */
@OnEveryDatabase
class OneTimeCodeEndToEndTest {

    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?m)^ {4}([2-9A-HJKMNP-TV-Z]{8})\\r?$");
    private static final Pattern CODE_IN_HTML = Pattern.compile(">([2-9A-HJKMNP-TV-Z]{8})</p>");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"<>]+");
    private static final String WRONG = "WXYZ2345";

    @Parameter
    TestDatabase database;

    private static TestServer server;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        // Generous limits: this class sends many requests from one address; one test checks the token limit itself.
        server = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_TOKEN_IP", "1000/1m", "AUTH_RATE_LIMIT_IP", "1000/15m"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    // ---- the mail ----

    /** The text and HTML parts of a mail, decoded. */
    private record Parts(String text, String html) {
        String code() {
            Matcher inText = CODE_IN_TEXT.matcher(text);
            assertThat(inText.find()).as("a code in the text part:\n" + text).isTrue();
            Matcher inHtml = CODE_IN_HTML.matcher(html);
            assertThat(inHtml.find()).as("a code in the HTML part").isTrue();
            assertThat(inHtml.group(1)).isEqualTo(inText.group(1));
            return inText.group(1);
        }

        List<String> urls() {
            List<String> urls = new ArrayList<>();
            URL.matcher(text + "\n" + html).results().forEach(m -> urls.add(m.group()));
            return urls;
        }
    }

    private static Parts lastMailTo(String address) {
        List<MimeMessage> mails = server.mailsTo(address);
        assertThat(mails).as("mail to " + address).isNotEmpty();
        return partsOf(mails.get(mails.size() - 1));
    }

    private static Parts partsOf(MimeMessage mail) {
        return new Parts(TestServer.text(mail, "text/plain"), TestServer.text(mail, "text/html"));
    }

    private static String askToSignIn(String email) {
        assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}").status()).isEqualTo(202);
        return lastMailTo(email).code();
    }

    private static String askToLink(String bearer, String email) {
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer).status())
                .isEqualTo(202);
        return lastMailTo(email).code();
    }

    private static Answer verifyCode(String email, String code) {
        return server.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
    }

    private static Answer confirmCode(String bearer, String email, String code) {
        return server.postJson("/api/auth/confirm-email-code", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}",
                bearer);
    }

    private static Answer verifyLink(String token) {
        return server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + token + "\"}");
    }

    private static String signedInAs(String email) {
        return TestServer.accessToken(server.openAccount(email));
    }

    private static void assertWrongCode(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).isEqualTo("This code is wrong, has expired or has already been used.");
    }

    @Test
    void linkMails_showTheCodeInTextAndHtml_andInNoUrl() {
        String signInCode = askToSignIn("mailed.code@example.com");
        Parts signIn = lastMailTo("mailed.code@example.com");
        assertThat(signIn.urls()).isNotEmpty().noneMatch(url -> url.toUpperCase(Locale.ROOT).contains(signInCode));

        String confirmationCode = askToLink(signedInAs("asker@example.com"), "linked.code@example.com");
        Parts confirmation = lastMailTo("linked.code@example.com");
        assertThat(confirmation.urls()).isNotEmpty()
                .noneMatch(url -> url.toUpperCase(Locale.ROOT).contains(confirmationCode));
        assertThat(confirmationCode).hasSize(8).doesNotContainPattern("[01OIL]");
    }

    @Test
    void noticeMail_carriesNoCode_butStoresTheSameWork() {
        server.openAccount("already.taken@example.com");
        long rows = server.count("select count(*) from email_token");

        askToLinkExpectingNotice(signedInAs("nosy@example.com"), "already.taken@example.com");

        Parts notice = lastMailTo("already.taken@example.com");
        assertThat(CODE_IN_TEXT.matcher(notice.text()).find()).isFalse();
        assertThat(CODE_IN_HTML.matcher(notice.html()).find()).isFalse();
        // Like a link's: one stored row, with a code hash, spent from the start.
        assertThat(server.count("select count(*) from email_token")).isEqualTo(rows + 1);
        assertThat(server.count("select count(*) from email_token where email_canonical = 'already.taken@example.com'"
                + " and code_hash is not null and consumed_at is not null")).isEqualTo(1);
    }

    private static void askToLinkExpectingNotice(String bearer, String email) {
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer).status())
                .isEqualTo(202);
    }

    // ---- sign-in ----

    @Test
    void verifyCode_answersExactlyAsVerify_startsASession_andSpendsTheLink() {
        String code = askToSignIn("typed.code@example.com");
        String token = server.lastTokenMailedTo("typed.code@example.com");

        // Typed as people type: another case, a hyphen in the middle, the address in capitals.
        Answer answer = verifyCode("Typed.Code@EXAMPLE.com", code.substring(0, 4).toLowerCase(Locale.ROOT) + "-" + code.substring(4));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "expires_in", "refresh_token");
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.get("/api/auth/me", answer.json().get("access_token").asText()).status()).isEqualTo(200);
        Answer refreshed = server.postJson("/api/auth/token/refresh",
                "{\"refresh_token\":\"" + answer.json().get("refresh_token").asText() + "\"}");
        assertThat(refreshed.status()).isEqualTo(200);

        Answer link = verifyLink(token);
        assertThat(link.status()).isEqualTo(400);
        assertWrongCode(verifyCode("typed.code@example.com", code));
    }

    @Test
    void verify_byLink_spendsTheCode() {
        String code = askToSignIn("link.first@example.com");

        assertThat(verifyLink(server.lastTokenMailedTo("link.first@example.com")).status()).isEqualTo(200);

        assertWrongCode(verifyCode("link.first@example.com", code));
    }

    @Test
    void verifyCode_withAnotherAddress_isAWrongCode_andTheRightPairStillWorks() {
        String code = askToSignIn("owner.of.code@example.com");
        askToSignIn("other.address@example.com");

        assertWrongCode(verifyCode("other.address@example.com", code));
        assertWrongCode(verifyCode("nobody.asked@example.com", code));

        assertThat(verifyCode("owner.of.code@example.com", code).status()).isEqualTo(200);
    }

    @Test
    void fiveWrongCodes_killTheCodeAndTheLink() {
        String code = askToSignIn("guessed.at@example.com");
        String token = server.lastTokenMailedTo("guessed.at@example.com");
        String wrong = code.equals(WRONG) ? "WXYZ2346" : WRONG;

        for (int guess = 0; guess < 5; guess++) {
            assertWrongCode(verifyCode("guessed.at@example.com", wrong));
        }

        assertWrongCode(verifyCode("guessed.at@example.com", code));
        assertThat(verifyLink(token).status()).isEqualTo(400);
    }

    @Test
    void fourWrongCodes_thenTheRightOne_signsIn() {
        String code = askToSignIn("clumsy.typist@example.com");
        String wrong = code.equals(WRONG) ? "WXYZ2346" : WRONG;
        for (int guess = 0; guess < 4; guess++) {
            assertWrongCode(verifyCode("clumsy.typist@example.com", wrong));
        }

        assertThat(verifyCode("clumsy.typist@example.com", code).status()).isEqualTo(200);
    }

    @Test
    void concurrentWrongGuesses_checkAMailAtMostFiveTimes() throws Exception {
        String code = askToSignIn("raced.guesses@example.com");
        String wrong = code.equals(WRONG) ? "WXYZ2346" : WRONG;

        List<Integer> statuses = Race.run(16, i -> verifyCode("raced.guesses@example.com", wrong).status());

        assertThat(statuses).containsOnly(400);
        assertThat(server.count("select max(code_attempts) from email_token where email_canonical = 'raced.guesses@example.com'"))
                .isEqualTo(5);
        assertWrongCode(verifyCode("raced.guesses@example.com", code));
    }

    @Test
    void codes_areStoredOnlyAsSaltedHashes() {
        String code = askToSignIn("stored.hash@example.com");

        assertThat(server.count("select count(*) from email_token where email_canonical = 'stored.hash@example.com'"
                + " and length(code_hash) = 64 and length(code_salt) = 32")).isEqualTo(1);
        assertThat(server.count("select count(*) from email_token where upper(token_hash) like '%" + code + "%'"
                + " or upper(code_hash) like '%" + code + "%' or upper(code_salt) like '%" + code + "%'"
                + " or upper(email) like '%" + code + "%'")).isZero();
        assertThat(server.count("select count(*) from audit_event where upper(email_masked) like '%"
                + code + "%'")).isZero();
    }

    @Test
    void verifyCode_badBodies_are422_andUnreadableCodes_400WithoutAnAuditRow() {
        assertThat(server.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"a@example.com\"}").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/magic-link/verify-code", "{\"code\":\"ABCDEFGH\"}").status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"not an address\",\"code\":\"ABCDEFGH\"}")
                .status()).isEqualTo(422);
        assertThat(server.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"a@example.com\",\"code\":12345678}")
                .status()).isEqualTo(422);
        long audit = server.count("select count(*) from audit_event");

        assertWrongCode(verifyCode("a@example.com", "0OIL1234"));
        assertWrongCode(verifyCode("a@example.com", "ABC"));

        assertThat(server.count("select count(*) from audit_event")).isEqualTo(audit);
    }

    // ---- confirmation ----

    @Test
    void confirmEmailCode_onlyTheAccountThatAsked_confirms_andSpendsTheLink() {
        String asker = signedInAs("code.asker@example.com");
        String other = signedInAs("code.thief@example.com");
        String code = askToLink(asker, "to.be.linked@example.com");
        String token = server.lastTokenMailedTo("to.be.linked@example.com");

        Answer stolen = confirmCode(other, "to.be.linked@example.com", code);
        Answer wrong = confirmCode(other, "to.be.linked@example.com", code.equals(WRONG) ? "WXYZ2346" : WRONG);
        assertWrongCode(stolen);
        assertThat(stolen.body()).isEqualTo(wrong.body());
        assertThat(stolen.headers().keySet()).isEqualTo(wrong.headers().keySet());
        Answer anonymous = server.postJson("/api/auth/confirm-email-code",
                "{\"email\":\"to.be.linked@example.com\",\"code\":\"" + code + "\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");

        Answer confirmed = confirmCode(asker, "To.Be.Linked@example.com", code);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("message").asText()).isEqualTo("Email confirmed.");
        assertThat(confirmed.json().get("email").asText()).isEqualTo("to.be.linked@example.com");
        assertThat(server.get("/api/auth/me", asker).body()).contains("\"to.be.linked@example.com\"");
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(400);
        assertWrongCode(confirmCode(asker, "to.be.linked@example.com", code));
    }

    @Test
    void confirmEmailCode_afterAnotherAccountLinkedTheAddress_is409() {
        String slow = signedInAs("slow.asker@example.com");
        String fast = signedInAs("fast.asker@example.com");
        String slowCode = askToLink(slow, "contested@example.com");
        askToLink(fast, "contested@example.com");
        assertThat(server.postJson("/api/auth/confirm-email",
                "{\"token\":\"" + server.lastTokenMailedTo("contested@example.com") + "\"}").status()).isEqualTo(200);

        Answer late = confirmCode(slow, "contested@example.com", slowCode);

        assertThat(late.status()).as(late.body()).isEqualTo(409);
    }

    @Test
    void confirmationLink_spendsTheCode() {
        String asker = signedInAs("link.user@example.com");
        String code = askToLink(asker, "clicked@example.com");

        assertThat(server.postJson("/api/auth/confirm-email",
                "{\"token\":\"" + server.lastTokenMailedTo("clicked@example.com") + "\"}").status()).isEqualTo(200);

        assertWrongCode(confirmCode(asker, "clicked@example.com", code));
    }

    // ---- pages ----

    @Test
    void pages_offerTheCode_andTheCodePageSignsIn() {
        String code = askToSignIn("page.code@example.com");
        String token = server.lastTokenMailedTo("page.code@example.com");

        Answer signInPage = server.get("/auth/magic-link?token=" + token, null);
        assertThat(signInPage.body()).contains("action=\"/auth/magic-link/code\"").contains("name=\"code\"")
                .contains("name=\"email\"").contains("action=\"/auth/magic-link\"");
        Answer codePage = server.get("/auth/magic-link/code", null);
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.body()).contains("action=\"/auth/magic-link/code\"");
        assertThat(codePage.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(codePage.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        Answer confirmPage = server.get("/auth/confirm-email?token=" + "A".repeat(43), null);
        assertThat(confirmPage.body()).contains("code").contains("in the app where you asked");

        Answer wrong = server.postForm("/auth/magic-link/code", "email=page.code%40example.com&code=" + WRONG);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("This code does not work");

        Answer signedIn = server.postForm("/auth/magic-link/code", "email=page.code%40example.com&code=" + code);

        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("You are signed in");
        assertThat(signedIn.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(server.postForm("/auth/magic-link", "token=" + token).status()).isEqualTo(400);
    }

    // ---- the per-IP limit ----

    @Test
    void codeRoutes_countTowardThePerIpTokenLimit() {
        try (TestServer limited = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_TOKEN_IP", "4/15m"))) {
            limited.postJson("/api/auth/magic-link", "{\"email\":\"limited@example.com\"}");
            String code = codeIn(limited, "limited@example.com");
            String bearer = TestServer.accessToken(limited.openAccount("limited.asker@example.com"));

            assertThat(limited.postJson("/api/auth/magic-link/verify-code",
                    "{\"email\":\"limited@example.com\",\"code\":\"" + WRONG + "\"}").status()).isEqualTo(400);
            assertThat(limited.postJson("/api/auth/confirm-email-code",
                    "{\"email\":\"x@example.com\",\"code\":\"" + WRONG + "\"}", bearer).status()).isEqualTo(400);
            assertThat(limited.postForm("/auth/magic-link/code", "email=limited%40example.com&code=" + WRONG).status())
                    .isEqualTo(400);
            assertThat(limited.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"limited@example.com\"}").status())
                    .isEqualTo(422);

            // Four guesses used the limit: the right code now gets 429 too, before anything is read.
            Answer refused = limited.postJson("/api/auth/magic-link/verify-code",
                    "{\"email\":\"limited@example.com\",\"code\":\"" + code + "\"}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotNull();
            assertThat(limited.postJson("/api/auth/confirm-email-code",
                    "{\"email\":\"x@example.com\",\"code\":\"" + WRONG + "\"}", bearer).status()).isEqualTo(429);
        }
    }

    /**
     * A code is checked against the newest five mails only. Before, the link of an older mail kept
     * working while its code was refused (a wrong code, counted against the newer mails); now a
     * newer mail retires it, so the link and the code of one mail always stand or fall together.
     */
    @Test
    void moreMailsThanAreChecked_theOldestMailsLinkDiesWithItsCode() {
        try (TestServer many = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_EMAIL", "50/15m",
                "AUTH_RATE_LIMIT_TOKEN_IP", "1000/1m", "AUTH_RATE_LIMIT_IP", "1000/15m"))) {
            String bearer = TestServer.accessToken(many.openAccount("many.asker@example.com"));
            String linked = "many.linked@example.com";
            String signingIn = "many.signin@example.com";
            int mails = 7;
            for (int i = 0; i < mails; i++) {
                assertThat(many.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + linked + "\"}", bearer)
                        .status()).isEqualTo(202);
                assertThat(many.postJson("/api/auth/magic-link", "{\"email\":\"" + signingIn + "\"}").status())
                        .isEqualTo(202);
            }
            List<MimeMessage> confirmations = many.mailsTo(linked);
            List<MimeMessage> signIns = many.mailsTo(signingIn);
            assertThat(confirmations).hasSize(mails);
            assertThat(signIns).hasSize(mails);

            // The oldest mails: link refused, like the code would be.
            assertThat(many.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + tokenIn(confirmations.get(0)) + "\"}").status()).isEqualTo(400);
            assertThat(many.postJson("/api/auth/magic-link/verify",
                    "{\"token\":\"" + tokenIn(signIns.get(1)) + "\"}").status()).isEqualTo(400);
            assertThat(many.postJson("/api/auth/confirm-email-code", "{\"email\":\"" + linked + "\",\"code\":\""
                    + partsOf(confirmations.get(1)).code() + "\"}", bearer).status()).isEqualTo(400);

            // The newest five still work, each by its link or its code.
            assertThat(many.postJson("/api/auth/magic-link/verify-code", "{\"email\":\"" + signingIn + "\",\"code\":\""
                    + partsOf(signIns.get(mails - 5)).code() + "\"}").status()).isEqualTo(200);
            Answer confirmed = many.postJson("/api/auth/confirm-email",
                    "{\"token\":\"" + tokenIn(confirmations.get(mails - 5)) + "\"}");
            assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        }
    }

    private static String tokenIn(MimeMessage mail) {
        Matcher token = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(partsOf(mail).text());
        assertThat(token.find()).as("a link in the mail").isTrue();
        return token.group(1);
    }

    private static String codeIn(TestServer where, String address) {
        List<MimeMessage> mails = where.mailsTo(address);
        return partsOf(mails.get(mails.size() - 1)).code();
    }
}
