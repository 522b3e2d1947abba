package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.session.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /auth/send-email-confirmation}: every answer, in the {@code {code, message}} dialect. */
class SendEmailConfirmationTest {

    private static final String PATH = "/auth/send-email-confirmation";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void resend_emptyObject_resendsTheMostRecentPendingAddress() {
        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"email\":\"pending@example.org\",\"sent\":true}");
        assertThat(server.fakes.resendEmailConfirmation.commands()).singleElement().satisfies(command -> {
            assertThat(command.caller()).isEqualTo(new Caller(FakeUseCases.ACCOUNT, FakeUseCases.SESSION));
            assertThat(command.email()).isEmpty();
        });
    }

    @Test
    void resend_namedAddress_passesIt() {
        server.fakes.resendEmailConfirmation.answer(
                new ResendEmailConfirmationResult.Sent(EmailAddress.parse("Named@Example.org")));

        Answer answer = server.postJson(PATH, "{\"email\": \"Named@Example.org\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"email\":\"Named@Example.org\",\"sent\":true}");
        assertThat(server.fakes.resendEmailConfirmation.commands().get(0).email())
                .isEqualTo(Optional.of(EmailAddress.parse("named@example.org")));
    }

    @Test
    void resend_noBodyAtAll_isTheSameAsAnEmptyObject() {
        Answer answer = server.post(PATH, new byte[0], "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(server.fakes.resendEmailConfirmation.commands()).singleElement()
                .satisfies(command -> assertThat(command.email()).isEmpty());
    }

    @Test
    void resend_noToken_answers401WithBearerChallenge() {
        Answer answer = server.postJson(PATH, "{}");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.jsonEquals(
                "{'code': 401, 'message': 'Authentication is required: send an access token as a Bearer token.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_badToken_answers401InvalidToken() {
        Answer answer = server.postJson(PATH, "{}", "Authorization", "Bearer not.a.token");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.jsonEquals("{'code': 401, 'message': 'Invalid or expired access token.'}")).isTrue();
    }

    @Test
    void resend_unknownAccount_answers401InvalidToken() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.UnknownAccount());

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.json().get("code").asInt()).isEqualTo(401);
    }

    @Test
    void resend_sessionEndedUnderTheAccountLock_answers401InvalidTokenAsTheBearerCheckWould() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.SessionEnded());

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.json().get("code").asInt()).isEqualTo(401);
    }

    @Test
    void resend_disabledAccount_answers403() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.AccountDisabled());

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.jsonEquals("{'code': 403, 'message': 'This account is disabled.'}")).isTrue();
    }

    @Test
    void resend_alreadyConfirmed_answers403() {
        server.fakes.resendEmailConfirmation.answer(
                new ResendEmailConfirmationResult.AlreadyConfirmed(EmailAddress.parse("done@example.org")));

        Answer answer = server.postJson(PATH, "{\"email\": \"done@example.org\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.jsonEquals(
                "{'code': 403, 'message': 'That email address is already confirmed on your account.'}")).isTrue();
    }

    @Test
    void resend_nothingPending_answers404() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.NoPendingConfirmation());

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.jsonEquals(
                "{'code': 404, 'message': 'There is no pending email confirmation to send again.'}")).isTrue();
    }

    @Test
    void resend_malformedJson_answers400() {
        Answer answer = server.postJson(PATH, "{\"email\": ", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals("{'code': 400, 'message': 'The request body is not valid JSON.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_bodyNotAnObject_answers400() {
        Answer answer = server.postJson(PATH, "[\"a@example.org\"]", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals("{'code': 400, 'message': 'The request body must be a JSON object.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_invalidAddress_answers422WithTheReason() {
        Answer answer = server.postJson(PATH, "{\"email\": \"a@b\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals("{'code': 422, 'message': 'The domain name must contain a dot.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_emailOfTheWrongType_answers422() {
        Answer answer = server.postJson(PATH, "{\"email\": null}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("code").asInt()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).isEqualTo("The field \"email\" must be a string.");
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_rateLimitedByTheDomain_answers429WithRetryAfter() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.RateLimited(Duration.ofSeconds(61)));

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("61");
        assertThat(answer.jsonEquals("{'code': 429, 'message': 'Too many requests. Try again later.'}")).isTrue();
    }

    @Test
    void resend_mailDown_answers503WithRetryAfter() {
        server.fakes.resendEmailConfirmation.answer(new ResendEmailConfirmationResult.MailUnavailable(Duration.ofSeconds(30)));

        Answer answer = server.postJson(PATH, "{}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("30");
        assertThat(answer.jsonEquals(
                "{'code': 503, 'message': 'Email delivery is temporarily unavailable. Try again later.'}")).isTrue();
    }

    @Test
    void resend_wrongContentType_answers415() {
        Answer answer = server.post(PATH, "email=a@example.org".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.jsonEquals("{'code': 415, 'message':"
                + " 'The request body must be sent uncompressed as application/json in UTF-8.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_hugeBody_answers413() {
        byte[] body = ("{\"email\": \"" + "a".repeat(20_000) + "@example.org\"}").getBytes(StandardCharsets.UTF_8);

        Answer answer = server.post(PATH, body, "Content-Type", "application/json", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.jsonEquals(
                "{'code': 413, 'message': 'The request body is too large (at most 16384 bytes).'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void resend_wrongMethod_answers405WithAllow() {
        Answer answer = server.get(PATH, "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
        assertThat(answer.jsonEquals("{'code': 405, 'message': 'This method is not allowed here.'}")).isTrue();
    }
}
