package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.session.Caller;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailConfirmationRoutesTest {

    /** Well-formed (43 base64url characters): a malformed token never reaches the use case. */
    private static final String MAILED = "the-mailed-token-xxxxxxxxxxxxxxxxxxxxxxxxxx";

    private static final String REQUEST = "/api/auth/request-email-confirmation";
    private static final String CONFIRM = "/api/auth/confirm-email";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void request_signedInWithValidAddress_answers202AndPassesAccountAndAddress() {
        Answer answer = server.postJson(REQUEST, "{\"email\": \"  new.address@example.org \"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.body())
                .isEqualTo("{\"message\":\"If that email can be linked, a confirmation email has been sent.\"}");
        assertThat(server.fakes.requestEmailConfirmation.commands()).singleElement().satisfies(command -> {
            assertThat(command.caller()).isEqualTo(new Caller(FakeUseCases.ACCOUNT, FakeUseCases.SESSION));
            assertThat(command.email().value()).isEqualTo("new.address@example.org");
        });
    }

    @Test
    void request_withoutToken_answers401BeforeLookingAtTheBody() {
        Answer answer = server.postJson(REQUEST, "{not json");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.jsonEquals("{'detail': 'Not authenticated'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void request_unknownAccount_answers401InvalidToken() {
        server.fakes.requestEmailConfirmation.answer(new RequestEmailConfirmationResult.UnknownAccount());

        Answer answer = server.postJson(REQUEST, "{\"email\": \"a@example.org\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.jsonEquals("{'detail': 'Invalid or expired access token.'}")).isTrue();
    }

    @Test
    void request_sessionEndedUnderTheAccountLock_answers401InvalidTokenAsTheBearerCheckWould() {
        server.fakes.requestEmailConfirmation.answer(new RequestEmailConfirmationResult.SessionEnded());

        Answer answer = server.postJson(REQUEST, "{\"email\": \"a@example.org\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.jsonEquals("{'detail': 'Invalid or expired access token.'}")).isTrue();
    }

    @Test
    void request_disabledAccount_answers403() {
        server.fakes.requestEmailConfirmation.answer(new RequestEmailConfirmationResult.AccountDisabled());

        Answer answer = server.postJson(REQUEST, "{\"email\": \"a@example.org\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.jsonEquals("{'detail': 'This account is disabled.'}")).isTrue();
    }

    @Test
    void request_rateLimitedOrMailDown_answers429Or503WithRetryAfter() {
        server.fakes.requestEmailConfirmation.answer(new RequestEmailConfirmationResult.RateLimited(Duration.ofMinutes(15)));
        Answer limited = server.postJson(REQUEST, "{\"email\": \"a@example.org\"}", "Authorization", server.bearer());
        server.fakes.requestEmailConfirmation.answer(new RequestEmailConfirmationResult.MailUnavailable(Duration.ofSeconds(30)));
        Answer down = server.postJson(REQUEST, "{\"email\": \"a@example.org\"}", "Authorization", server.bearer());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("900");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("30");
        assertThat(down.jsonEquals("{'detail': 'Email delivery is temporarily unavailable. Try again later.'}")).isTrue();
    }

    @Test
    void request_invalidAddress_answers422ValueErrorWithTheReason() {
        Answer answer = server.postJson(REQUEST, "{\"email\": \"no-at-sign\"}", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals("{'detail': [{'type': 'value_error', 'loc': ['body', 'email'],"
                + " 'msg': 'value is not a valid email address: An email address must have an @-sign.',"
                + " 'input': 'no-at-sign', 'ctx': {'reason': 'An email address must have an @-sign.'}}]}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void confirm_goodToken_answers200WithTheAddressAsGiven() {
        Answer answer = server.postJson(CONFIRM, "{\"token\": \"" + MAILED + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Email confirmed.\",\"email\":\"Second.Address@Example.org\"}");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.fakes.confirmEmail.commands()).singleElement()
                .satisfies(command -> assertThat(command.token()).isEqualTo(MAILED));
    }

    @Test
    void confirm_invalidToken_answers400() {
        server.fakes.confirmEmail.answer(new ConfirmEmailResult.InvalidToken());

        Answer answer = server.postJson(CONFIRM, "{\"token\": \"expired\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals(
                "{'detail': 'This confirmation link is invalid, has expired or has already been used.'}")).isTrue();
    }

    @Test
    void confirm_addressTakenMeanwhile_answers409() {
        server.fakes.confirmEmail.answer(new ConfirmEmailResult.AddressTaken());

        Answer answer = server.postJson(CONFIRM, "{\"token\": \"" + MAILED + "\"}");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.jsonEquals(
                "{'detail': 'This email address has been linked to another account in the meantime.'}")).isTrue();
    }

    @Test
    void confirm_missingToken_answers422() {
        Answer answer = server.postJson(CONFIRM, "{}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals(
                "{'detail': [{'type': 'missing', 'loc': ['body', 'token'], 'msg': 'Field required', 'input': {}}]}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }
}
