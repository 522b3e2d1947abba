package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountServicesTest {

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");

    private void requestLink(String address) {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email(address)));
    }

    private ResendEmailConfirmationResult resend(String address) {
        return f.resend.resend(new ResendEmailConfirmationCommand(f.signedIn(alice), Optional.ofNullable(address).map(Fixture::email)));
    }

    @Test
    void view_showsVerifiedThenOnePendingEntryPerAddress() {
        requestLink("one@example.com");
        f.clock.advance(Duration.ofMinutes(1));
        requestLink("Two@example.com");
        f.clock.advance(Duration.ofMinutes(1));
        requestLink("one@example.com");

        ViewAccountResult.Found found = (ViewAccountResult.Found) f.view.view(alice);

        assertThat(found.verified()).extracting(EmailIdentity::email).containsExactly(email("alice@example.com"));
        assertThat(found.pending()).extracting(EmailToken::email).containsExactly(email("one@example.com"), email("two@example.com"));
    }

    @Test
    void resend_namedPendingAddress_sendsAFreshLinkAndKeepsTheOldOne() {
        requestLink("one@example.com");
        String first = f.lastLinkToken();

        assertThat(resend("ONE@example.com")).isEqualTo(new ResendEmailConfirmationResult.Sent(email("one@example.com")));
        String second = f.lastLinkToken();

        assertThat(second).isNotEqualTo(first);
        assertThat(f.tokens.pendingConfirmations(alice, f.clock.instant())).hasSize(2);
    }

    @Test
    void resend_withoutAddress_picksTheMostRecentPending() {
        requestLink("old@example.com");
        f.clock.advance(Duration.ofMinutes(1));
        requestLink("recent@example.com");

        assertThat(resend(null)).isEqualTo(new ResendEmailConfirmationResult.Sent(email("recent@example.com")));
        assertThat(f.mail.last().recipient()).isEqualTo(email("recent@example.com"));
    }

    @Test
    void resend_refusals() {
        assertThat(resend(null)).isInstanceOf(ResendEmailConfirmationResult.NoPendingConfirmation.class);
        assertThat(resend("nobody@example.com")).isInstanceOf(ResendEmailConfirmationResult.NoPendingConfirmation.class);
        assertThat(resend("alice@example.com")).isInstanceOf(ResendEmailConfirmationResult.AlreadyConfirmed.class);

        requestLink("confirmed@example.com");
        f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken()));
        assertThat(resend("confirmed@example.com")).isInstanceOf(ResendEmailConfirmationResult.AlreadyConfirmed.class);

        f.manage.setDisabled("alice@example.com", true);
        assertThat(resend(null)).isInstanceOf(ResendEmailConfirmationResult.AccountDisabled.class);
    }

    @Test
    void resend_sharesTheQuotaWithRequests() {
        requestLink("q@example.com");
        requestLink("q@example.com");
        assertThat(resend("q@example.com")).isInstanceOf(ResendEmailConfirmationResult.Sent.class);

        assertThat(resend("q@example.com")).isInstanceOf(ResendEmailConfirmationResult.RateLimited.class);
        assertThat(f.mail.sent()).hasSize(3).allMatch(m -> m instanceof Mail.ConfirmationLink);
    }

    @Test
    void resend_mailDown_isUnavailableAndAddsNoToken() {
        requestLink("d@example.com");
        f.mail.goDown();

        assertThat(resend("d@example.com")).isInstanceOf(ResendEmailConfirmationResult.MailUnavailable.class);
        assertThat(f.tokens.all()).hasSize(1);
    }

    @Test
    void manage_disableAndEnableByIdOrAddress_unknownChangesNothing() {
        assertThat(f.manage.setDisabled("ALICE@example.com", true)).isEqualTo(new ManageAccountResult.Done(alice));
        assertThat(f.view.view(alice)).isInstanceOf(ViewAccountResult.AccountDisabled.class);
        assertThat(f.manage.setDisabled(alice.toString(), false)).isEqualTo(new ManageAccountResult.Done(alice));
        assertThat(f.view.view(alice)).isInstanceOf(ViewAccountResult.Found.class);

        assertThat(f.manage.setDisabled("nobody@example.com", true)).isInstanceOf(ManageAccountResult.UnknownAccount.class);
        assertThat(f.manage.setDisabled("not-an-id-or-address", true)).isInstanceOf(ManageAccountResult.UnknownAccount.class);
        assertThat(f.manage.open(email("alice@example.com"))).isInstanceOf(ManageAccountResult.AddressTaken.class);
    }
}
