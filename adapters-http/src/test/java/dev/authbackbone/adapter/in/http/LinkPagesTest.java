package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The bundled pages behind the mailed links: a GET only shows a button, a POST uses the token. */
class LinkPagesTest {

    private static final String TOKEN = "Zx9_yW8-vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8bA7z6";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void confirmPage_get_showsAConfirmFormAndNeverCallsTheUseCase() {
        Answer answer = server.get("/auth/confirm-email?token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body())
                .contains("<form method=\"post\" action=\"/auth/confirm-email\">")
                .contains("<input type=\"hidden\" name=\"token\" value=\"" + TOKEN + "\">")
                .contains("<button type=\"submit\">Confirm</button>");
        assertSecurityHeaders(answer);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirmPage_get_namesTheAddressAsGiven_andTheRequesterMasked() {
        server.fakes.previewConfirmation.result = new PreviewConfirmationResult.Pending(
                EmailAddress.parse("Ada.Work@example.org"), "b***@example.com");
        try {
            Answer answer = server.get("/auth/confirm-email?token=" + TOKEN);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("The account <strong>b***@example.com</strong> asked to add"
                    + " <strong>Ada.Work@example.org</strong>")
                    .contains("Confirming lets that account sign in with <strong>Ada.Work@example.org</strong>");
            assertThat(server.fakes.totalCalls()).isZero();
        } finally {
            server.fakes.previewConfirmation.result = new PreviewConfirmationResult.Unusable();
        }
    }

    @Test
    void confirmPage_getWithHostileToken_escapesIt() {
        Answer answer = server.get("/auth/confirm-email?token=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("<script").contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirmPage_getWithoutToken_answers400Page() {
        Answer answer = server.get("/auth/confirm-email");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body()).contains("This link is incomplete");
        assertSecurityHeaders(answer);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirmPage_head_carriesTheSecurityHeaders() {
        Answer answer = server.method("HEAD", "/auth/confirm-email?token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertSecurityHeaders(answer);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirmPage_post_confirmsAndShowsTheAddressEscaped() {
        server.fakes.confirmEmail.answer(new ConfirmEmailResult.Confirmed(EmailAddress.parse("o'brien&co@example.org")));

        Answer answer = server.postForm("/auth/confirm-email", "token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body()).contains("Email confirmed").contains("o&#39;brien&amp;co@example.org");
        assertSecurityHeaders(answer);
        assertThat(server.fakes.confirmEmail.commands()).singleElement()
                .satisfies(command -> assertThat(command.token()).isEqualTo(TOKEN));
    }

    @Test
    void confirmPage_postWithBadToken_answers400Page() {
        server.fakes.confirmEmail.answer(new ConfirmEmailResult.InvalidToken());

        Answer answer = server.postForm("/auth/confirm-email", "token=used");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body()).contains("This link does not work")
                .contains("This confirmation link is invalid, has expired or has already been used.");
        assertSecurityHeaders(answer);
    }

    @Test
    void confirmPage_postWhenTheAddressWasTakenMeanwhile_answers409Page() {
        server.fakes.confirmEmail.answer(new ConfirmEmailResult.AddressTaken());

        Answer answer = server.postForm("/auth/confirm-email", "token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body()).contains("Address already linked");
        assertSecurityHeaders(answer);
    }

    @Test
    void confirmPage_postWithoutTokenOrWithTwo_answers400PageWithoutCallingTheUseCase() {
        assertThat(server.postForm("/auth/confirm-email", "other=1").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/confirm-email", "token=").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/confirm-email", "token=a&token=b").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/confirm-email", "token=%zz").status()).isEqualTo(400);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirmPage_postAsJson_answers415Page() {
        Answer answer = server.postJson("/auth/confirm-email", "{\"token\": \"" + TOKEN + "\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertSecurityHeaders(answer);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void signInPage_get_showsASignInFormAndNeverCallsTheUseCase() {
        Answer answer = server.get("/auth/magic-link?token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body())
                .contains("<form method=\"post\" action=\"/auth/magic-link\">")
                .contains("value=\"" + TOKEN + "\"")
                .contains("<button type=\"submit\">Sign in</button>");
        assertSecurityHeaders(answer);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void signInPage_post_showsTheAccessTokenToCopyAndACurlExample() {
        Answer answer = server.postForm("/auth/magic-link", "token=" + TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertSecurityHeaders(answer);
        Matcher code = Pattern.compile("<pre><code class=\"token\">([^<]+)</code></pre>").matcher(answer.body());
        assertThat(code.find()).isTrue();
        assertThat(server.tokens.verify(code.group(1))).contains(FakeUseCases.ACCOUNT);
        assertThat(answer.body()).contains("curl -H &#39;Authorization: Bearer " + code.group(1) + "&#39; &#39;"
                + HttpServerWithFakes.BASE_URL + "/api/auth/me&#39;");
        assertThat(server.fakes.signInWithLink.commands()).singleElement()
                .satisfies(command -> assertThat(command.token()).isEqualTo(TOKEN));
    }

    @Test
    void signInPage_postWithBadToken_answers400Page() {
        server.fakes.signInWithLink.answer(new SignInWithLinkResult.InvalidToken());

        Answer answer = server.postForm("/auth/magic-link", "token=expired");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        assertThat(answer.body()).contains("This sign-in link is invalid, has expired or has already been used.");
        assertSecurityHeaders(answer);
    }

    @Test
    void pages_loadNothingFromElsewhereAndRunNoScript() {
        for (Answer page : new Answer[] {server.get("/auth/confirm-email?token=t"), server.get("/auth/magic-link?token=t"),
                server.postForm("/auth/magic-link", "token=t")}) {
            assertThat(page.body()).doesNotContain("<script", "src=", "<link", "@import", "url(");
        }
    }

    static void assertSecurityHeaders(Answer answer) {
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Security-Policy"))
                .matches("default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+={0,2}'; form-action 'self';"
                        + " base-uri 'none'; frame-ancestors 'none'");
        if (!answer.body().isEmpty()) {
            assertThat(answer.header("Content-Security-Policy")).contains("'" + styleHash(answer.body()) + "'");
        }
    }

    /** The CSP hash of the page's one inline style sheet, as a browser computes it. */
    private static String styleHash(String html) {
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
        assertThat(style.find()).as("one inline style sheet").isTrue();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
