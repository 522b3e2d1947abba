package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static dev.authbackbone.domain.audit.AuditEventType.ACCOUNT_DISABLED;
import static dev.authbackbone.domain.audit.AuditEventType.ACCOUNT_ENABLED;
import static dev.authbackbone.domain.audit.AuditEventType.ACCOUNT_OPENED;
import static dev.authbackbone.domain.audit.AuditEventType.CONFIRMATION_REJECTED;
import static dev.authbackbone.domain.audit.AuditEventType.CONFIRMATION_REQUESTED;
import static dev.authbackbone.domain.audit.AuditEventType.EMAIL_CONFIRMED;
import static dev.authbackbone.domain.audit.AuditEventType.MAIL_FAILED;
import static dev.authbackbone.domain.audit.AuditEventType.MAIL_SENT;
import static dev.authbackbone.domain.audit.AuditEventType.RATE_LIMITED;
import static dev.authbackbone.domain.audit.AuditEventType.SIGNED_IN;
import static dev.authbackbone.domain.audit.AuditEventType.SIGN_IN_LINK_REQUESTED;
import static dev.authbackbone.domain.audit.AuditEventType.SIGN_IN_REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTrailServicesTest {

    private static final RequestOrigin ORIGIN = RequestOrigin.of("198.51.100.4", "req-42");

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");

    private AuditEvent last() {
        List<AuditEvent> all = f.audit.all();
        return all.get(all.size() - 1);
    }

    private List<AuditEvent> sinceStart() {
        // The first event is the operator opening alice's account.
        return f.audit.all().subList(1, f.audit.all().size());
    }

    @Test
    void requestConfirmation_recordsRequestAndMailWithAccountMaskedAddressAndOrigin() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("Bob.Work@example.org"), ORIGIN));

        assertThat(sinceStart()).extracting(AuditEvent::type).containsExactly(CONFIRMATION_REQUESTED, MAIL_SENT);
        assertThat(sinceStart()).allSatisfy(event -> {
            assertThat(event.account()).contains(alice);
            assertThat(event.maskedEmail()).contains("B***@example.org");
            assertThat(event.origin()).isEqualTo(ORIGIN);
        });
    }

    @Test
    void requestConfirmation_mailDown_recordsRequestThenMailFailed() {
        f.mail.goDown();

        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));

        assertThat(sinceStart()).extracting(AuditEvent::type).containsExactly(CONFIRMATION_REQUESTED, MAIL_FAILED);
    }

    @Test
    void requestConfirmation_overTheAddressQuota_recordsRateLimitedPerAddress() {
        for (int i = 0; i < 4; i++) {
            f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));
        }

        assertThat(last().type()).isEqualTo(RATE_LIMITED);
        assertThat(last().reason()).contains("per_address");
        assertThat(last().account()).contains(alice);
    }

    @Test
    void requestConfirmation_overTheAccountQuota_recordsRateLimitedPerAccount() {
        for (int i = 0; i < 11; i++) {
            f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob" + i + "@example.org"), ORIGIN));
        }

        assertThat(last().type()).isEqualTo(RATE_LIMITED);
        assertThat(last().reason()).contains("per_account");
    }

    @Test
    void resend_recordsConfirmationRequestedWithReasonResend() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));

        f.resend.resend(new ResendEmailConfirmationCommand(f.signedIn(alice), Optional.empty(), ORIGIN));

        AuditEvent resent = f.audit.all().get(f.audit.all().size() - 2);
        assertThat(resent.type()).isEqualTo(CONFIRMATION_REQUESTED);
        assertThat(resent.reason()).contains("resend");
    }

    @Test
    void confirm_goodToken_recordsEmailConfirmed_badToken_recordsRejectionWithoutAccount() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));
        String token = f.lastLinkToken();

        f.confirm.confirm(new ConfirmEmailCommand(token, ORIGIN));
        // The confirmation, then the notice to the account's primary that the address is linked.
        List<AuditEvent> all = f.audit.all();
        AuditEvent confirmed = all.get(all.size() - 2);
        assertThat(confirmed.type()).isEqualTo(EMAIL_CONFIRMED);
        assertThat(confirmed.account()).contains(alice);
        assertThat(last().type()).isEqualTo(MAIL_SENT);
        assertThat(last().maskedEmail()).contains("a***@example.com");

        f.confirm.confirm(new ConfirmEmailCommand(token, ORIGIN));
        assertThat(last().type()).isEqualTo(CONFIRMATION_REJECTED);
        assertThat(last().reason()).contains("invalid_token");
        assertThat(last().account()).isEmpty();
        assertThat(last().maskedEmail()).isEmpty();

        f.confirm.confirm(new ConfirmEmailCommand("not a token", ORIGIN));
        assertThat(last().reason()).contains("invalid_token");
    }

    @Test
    void confirm_afterTheAccountWasDisabled_recordsRejection_forDisablingWithdrewTheConfirmation() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));
        f.manage.setDisabled(alice.toString(), true);

        f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken(), ORIGIN));

        assertThat(last().type()).isEqualTo(CONFIRMATION_REJECTED);
        assertThat(last().reason()).contains("invalid_token");
    }

    @Test
    void signIn_firstTime_recordsAccountOpened_thenSignedIn_andRequestsGoToTheHolder() {
        f.requestSignIn.request(new RequestSignInLinkCommand(email("carol@example.com"), ORIGIN));
        assertThat(last().type()).isEqualTo(MAIL_SENT);
        assertThat(f.audit.all().get(f.audit.all().size() - 2).type()).isEqualTo(SIGN_IN_LINK_REQUESTED);
        assertThat(last().account()).isEmpty();

        f.signIn.signIn(new SignInWithLinkCommand(f.lastLinkToken(), ORIGIN));
        assertThat(last().type()).isEqualTo(SIGNED_IN);
        assertThat(last().reason()).contains("account_opened");
        AccountId carol = last().account().orElseThrow();

        f.requestSignIn.request(new RequestSignInLinkCommand(email("CAROL@example.com"), ORIGIN));
        f.signIn.signIn(new SignInWithLinkCommand(f.lastLinkToken(), ORIGIN));
        assertThat(f.audit.recentFor(carol, 10)).extracting(AuditEvent::type)
                .containsExactly(SIGNED_IN, MAIL_SENT, SIGN_IN_LINK_REQUESTED, SIGNED_IN);
        assertThat(last().reason()).isEmpty();
    }

    @Test
    void signIn_badToken_recordsRejection() {
        f.signIn.signIn(new SignInWithLinkCommand("A".repeat(43), ORIGIN));

        assertThat(last().type()).isEqualTo(SIGN_IN_REJECTED);
        assertThat(last().reason()).contains("invalid_token");
    }

    @Test
    void operatorCommands_recordOpenedDisabledEnabledWithUnknownOrigin() {
        f.manage.setDisabled("alice@example.com", true);
        f.manage.setDisabled("alice@example.com", false);

        assertThat(f.audit.all()).extracting(AuditEvent::type).containsExactly(ACCOUNT_OPENED, ACCOUNT_DISABLED, ACCOUNT_ENABLED);
        assertThat(f.audit.all()).allMatch(e -> e.origin().equals(RequestOrigin.unknown()) && e.account().equals(Optional.of(alice)));
    }

    @Test
    void noEvent_everHoldsAWholeAddressOrAToken() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob.secret@example.org"), ORIGIN));
        String token = f.lastLinkToken();
        f.confirm.confirm(new ConfirmEmailCommand(token, ORIGIN));
        f.requestSignIn.request(new RequestSignInLinkCommand(email("dave.hidden@example.net"), ORIGIN));
        String signIn = f.lastLinkToken();
        f.signIn.signIn(new SignInWithLinkCommand(signIn, ORIGIN));

        assertThat(f.audit.all()).hasSizeGreaterThan(5).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain("bob.secret", "dave.hidden", "alice@", token, signIn));
    }

    @Test
    void viewEvents_ownEventsNewestFirst_unknownAndDisabledAccountsAreRefused() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("bob@example.org"), ORIGIN));
        f.clock.advance(Duration.ofSeconds(1));
        f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken(), ORIGIN));

        ViewAccountEventsResult.Found found = (ViewAccountEventsResult.Found) f.events.events(alice);
        assertThat(found.events()).extracting(AuditEvent::type)
                .containsExactly(MAIL_SENT, EMAIL_CONFIRMED, MAIL_SENT, CONFIRMATION_REQUESTED, ACCOUNT_OPENED);

        assertThat(f.events.events(new AccountId(new UUID(4, 2)))).isInstanceOf(ViewAccountEventsResult.UnknownAccount.class);
        f.manage.setDisabled(alice.toString(), true);
        assertThat(f.events.events(alice)).isInstanceOf(ViewAccountEventsResult.AccountDisabled.class);
    }
}
