package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfirmEmailServiceTest {

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");
    private final AccountId bob = f.accountWith("bob@example.com");

    private String requestLink(AccountId account, String address) {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(account), email(address)));
        return f.lastLinkToken();
    }

    private ConfirmEmailResult confirm(String token) {
        return f.confirm.confirm(new ConfirmEmailCommand(token));
    }

    @Test
    void confirm_validToken_linksTheAddressAsGivenOnce() {
        String token = requestLink(alice, "Alice@Work.example");

        assertThat(confirm(token)).isEqualTo(new ConfirmEmailResult.Confirmed(email("alice@work.example")));
        assertThat(f.accounts.identitiesOf(alice)).extracting(EmailIdentity::email, EmailIdentity::primary)
                .containsExactly(tuple(email("alice@example.com"), true),
                        tuple(email("alice@work.example"), false));
        assertThat(f.accounts.identitiesOf(alice).get(1).email().value()).isEqualTo("Alice@Work.example");
        assertThat(confirm(token)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void confirm_expiredMalformedOrUnknownToken_isOneInvalidOutcome() {
        String token = requestLink(alice, "new@example.com");
        f.clock.advance(Duration.ofHours(24));

        assertThat(confirm(token)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(confirm("not a token")).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(confirm(null)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(confirm("A".repeat(43))).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void confirm_addressVerifiedElsewhereMeanwhile_isTakenAndSpendsTheToken() {
        String alices = requestLink(alice, "shared@example.com");
        String bobs = requestLink(bob, "shared@example.com");

        assertThat(confirm(bobs)).isInstanceOf(ConfirmEmailResult.Confirmed.class);
        // Bob's confirmation revoked every other token for the address, Alice's included; she
        // learns why, exactly as if she had lost a race against him.
        assertThat(confirm(alices)).isInstanceOf(ConfirmEmailResult.AddressTaken.class);
        assertThat(confirm(alices)).isInstanceOf(ConfirmEmailResult.AddressTaken.class);
        assertThat(f.accounts.findByEmail(email("shared@example.com")).orElseThrow().id()).isEqualTo(bob);
    }

    @Test
    void confirm_revokedTokenOfAnAddressTakenElsewhere_isInvalidOnceExpiredOrItsAccountDisabled() {
        String alices = requestLink(alice, "shared@example.com");
        String alicesOther = requestLink(alice, "other@example.com");
        confirm(requestLink(bob, "shared@example.com"));
        confirm(requestLink(bob, "other@example.com"));
        f.manage.setDisabled(alice.toString(), true);

        assertThat(confirm(alicesOther)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        f.manage.setDisabled(alice.toString(), false);
        f.clock.advance(Duration.ofHours(24));
        assertThat(confirm(alices)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void confirm_tokenOutlivingARevocationRace_isTaken() {
        String alices = requestLink(alice, "race@example.com");
        f.accounts.link(bob, email("race@example.com"), f.clock.instant());

        assertThat(confirm(alices)).isInstanceOf(ConfirmEmailResult.AddressTaken.class);
        assertThat(confirm(alices)).isInstanceOf(ConfirmEmailResult.AddressTaken.class);
    }

    @Test
    void confirm_oneAddress_revokesTheOtherTokensForIt() {
        String first = requestLink(alice, "twice@example.com");
        String second = requestLink(alice, "twice@example.com");

        assertThat(confirm(second)).isInstanceOf(ConfirmEmailResult.Confirmed.class);
        assertThat(confirm(first)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void confirm_disabledAccount_isInvalid() {
        String token = requestLink(alice, "later@example.com");
        f.manage.setDisabled(alice.toString(), true);

        assertThat(confirm(token)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(f.accounts.identitiesOf(alice)).hasSize(1);
    }

    @Test
    void preview_namesTheAddressAndTheRequesterMasked_withoutUsingTheToken_andNothingOnceItCannotBeUsed() {
        String token = requestLink(alice, "Alice@Home.example");

        PreviewConfirmationResult first = f.preview.preview(new PreviewConfirmationCommand(token));
        assertThat(first).isInstanceOf(PreviewConfirmationResult.Pending.class);
        assertThat(((PreviewConfirmationResult.Pending) first).address()).isEqualTo(email("alice@home.example"));
        assertThat(((PreviewConfirmationResult.Pending) first).requesterMaskedPrimary()).isEqualTo("a***@example.com");
        assertThat(f.preview.preview(new PreviewConfirmationCommand(token))).isEqualTo(first);
        assertThat(confirm(token)).isInstanceOf(ConfirmEmailResult.Confirmed.class);
        assertThat(f.preview.preview(new PreviewConfirmationCommand(token))).isInstanceOf(PreviewConfirmationResult.Unusable.class);
        assertThat(f.preview.preview(new PreviewConfirmationCommand("not a token")))
                .isInstanceOf(PreviewConfirmationResult.Unusable.class);
        assertThat(f.preview.preview(new PreviewConfirmationCommand(null))).isInstanceOf(PreviewConfirmationResult.Unusable.class);
    }

    @Test
    void confirm_tellsTheRequestersPrimary_thatTheAddressCanNowSignIn() {
        String token = requestLink(alice, "second@example.org");

        confirm(token);

        assertThat(f.mail.last()).isEqualTo(new Mail.AddressLinkedNotice(email("alice@example.com"), email("second@example.org")));
    }
}
