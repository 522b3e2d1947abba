package dev.authbackbone.adapter.in.http;

import static dev.authbackbone.domain.testing.AccountTestData.anAccount;
import static dev.authbackbone.domain.testing.EmailTokenTestData.anEmailToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountRoutesTest {

    private static final AccountId ACCOUNT = FakeUseCases.ACCOUNT;
    private static final Instant T0 = Instant.parse("2026-01-01T08:00:00Z");

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void me_accountWithVerifiedAndPendingAddresses_listsVerifiedPrimaryFirstThenOnePerPendingAddress() {
        server.fakes.viewAccount.answer(new ViewAccountResult.Found(
                anAccount().id(ACCOUNT).createdAt(T0).build(),
                List.of(identity("First@Example.org", true, T0),
                        identity("second@example.org", false, T0.plusSeconds(3600))),
                List.of(pending("Pending@Example.net", T0.plusSeconds(7200)),
                        pending("other@bücher.example", T0.plusSeconds(4000)))));

        Answer answer = server.get("/api/auth/me", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.jsonEquals("{'id': '3f1d7c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f',"
                + " 'created_at': '2026-01-01T08:00:00Z',"
                + " 'emails': ["
                + "  {'email': 'First@Example.org', 'verified': true, 'primary': true, 'verified_at': '2026-01-01T08:00:00Z'},"
                + "  {'email': 'second@example.org', 'verified': true, 'primary': false, 'verified_at': '2026-01-01T09:00:00Z'},"
                + "  {'email': 'Pending@Example.net', 'verified': false, 'primary': false, 'verified_at': null},"
                + "  {'email': 'other@bücher.example', 'verified': false, 'primary': false, 'verified_at': null}"
                + "]}")).as(answer.body()).isTrue();
        assertThat(server.fakes.viewAccount.commands()).containsExactly(ACCOUNT);
    }

    @Test
    void me_noToken_answers401WithBareChallenge() {
        Answer answer = server.get("/api/auth/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.jsonEquals("{'detail': 'Not authenticated'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void me_headWithoutToken_isRefusedLikeGet() {
        Answer answer = server.method("HEAD", "/api/auth/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void me_tokenOfAnAccountThatIsGone_answers401InvalidToken() {
        server.fakes.viewAccount.answer(new ViewAccountResult.UnknownAccount());

        Answer answer = server.get("/api/auth/me", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.jsonEquals("{'detail': 'Invalid or expired access token.'}")).isTrue();
    }

    @Test
    void me_disabledAccount_answers403() {
        server.fakes.viewAccount.answer(new ViewAccountResult.AccountDisabled());

        Answer answer = server.get("/api/auth/me", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.jsonEquals("{'detail': 'This account is disabled.'}")).isTrue();
    }

    private static EmailIdentity identity(String address, boolean primary, Instant verifiedAt) {
        return new EmailIdentity(ACCOUNT, EmailAddress.parse(address), primary, verifiedAt);
    }

    private static EmailToken pending(String address, Instant issuedAt) {
        return anEmailToken().account(ACCOUNT).to(address).issuedAt(issuedAt).build();
    }
}
