package dev.authbackbone.domain.signin;

import static dev.authbackbone.domain.testing.AccountTestData.anAccount;
import static dev.authbackbone.domain.testing.EmailTokenTestData.anEmailToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.testing.AccountTestData;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SignInRedemptionTest {

    private static final Instant NOW = AccountTestData.CREATED_AT;
    private static final EmailToken TOKEN = anEmailToken().forSignIn().to("ada@example.org").build();
    private static final AccountId FRESH = new AccountId(new UUID(9, 9));

    @Test
    void ofConsumed_holderMayAct_signsIn_holderDisabled_isRejected() {
        assertThat(SignInRedemption.ofConsumed(Optional.of(TOKEN), Optional.of(anAccount().build()), Optional.empty()))
                .isEqualTo(new SignInRedemption.SignedIn(AccountTestData.ID, TOKEN.email()));
        assertThat(SignInRedemption.ofConsumed(Optional.of(TOKEN), Optional.of(anAccount().disabled().build()), Optional.empty()))
                .isEqualTo(new SignInRedemption.Rejected(Reason.ACCOUNT_DISABLED, Optional.of(AccountTestData.ID),
                        Optional.of(TOKEN.email())));
    }

    @Test
    void ofConsumed_noHolder_opensTheFreshAccount_recordedAsAccountOpened() {
        SignInRedemption outcome = SignInRedemption.ofConsumed(Optional.of(TOKEN), Optional.empty(), Optional.of(FRESH));

        assertThat(outcome).isEqualTo(new SignInRedemption.Opened(FRESH, TOKEN.email()));
        assertThat(outcome.auditEvent(NOW, RequestOrigin.unknown()).reason()).contains("account_opened");
    }

    @Test
    void notConsumed_orRaceLostToNoOne_isInvalidToken() {
        assertThat(SignInRedemption.ofConsumed(Optional.empty(), Optional.empty(), Optional.empty()))
                .isEqualTo(SignInRedemption.invalidToken());
        assertThat(SignInRedemption.afterRace(Optional.empty(), TOKEN.email())).isEqualTo(SignInRedemption.invalidToken());
    }

    @Test
    void request_quotaFirst_thenNoticeForADisabledHolder_elseALink() {
        QuotaDecision full = new QuotaDecision.Exhausted(java.time.Duration.ofSeconds(5));
        QuotaDecision fits = new QuotaDecision.Allowed();

        assertThat(SignInRequest.decide(full, Optional.empty(), TOKEN.email())).isInstanceOf(LinkDecision.Refuse.class);
        assertThat(SignInRequest.decide(fits, Optional.of(new AddressHolder(anAccount().disabled().build(), TOKEN.email())),
                TOKEN.email())).isInstanceOf(LinkDecision.SendNotice.class);
        assertThat(SignInRequest.decide(fits, Optional.empty(), TOKEN.email())).isInstanceOf(LinkDecision.SendLink.class);
    }

    @Test
    void request_forAHeldAddressInAnotherCase_mailsTheSpellingItsHolderGave() {
        EmailAddress asGiven = EmailAddress.parse("Ada.Lovelace@Example.com");
        EmailAddress asAsked = EmailAddress.parse("ADA.LOVELACE@example.COM");
        QuotaDecision fits = new QuotaDecision.Allowed();

        LinkDecision.Send link = (LinkDecision.Send) SignInRequest.decide(fits,
                Optional.of(new AddressHolder(anAccount().build(), asGiven)), asAsked);
        LinkDecision.Send notice = (LinkDecision.Send) SignInRequest.decide(fits,
                Optional.of(new AddressHolder(anAccount().disabled().build(), asGiven)), asAsked);
        LinkDecision.Send fresh = (LinkDecision.Send) SignInRequest.decide(fits, Optional.empty(), asAsked);

        assertThat(link.deliverTo().value()).isEqualTo("Ada.Lovelace@Example.com");
        assertThat(notice.deliverTo().value()).isEqualTo("Ada.Lovelace@Example.com");
        assertThat(fresh.deliverTo().value()).as("no holder: as asked").isEqualTo("ADA.LOVELACE@example.COM");
    }

    @Test
    void wrongCode_isRejected_recordedAsInvalidCode() {
        SignInRedemption outcome = SignInRedemption.wrongCode();

        assertThat(outcome).isEqualTo(new SignInRedemption.Rejected(Reason.INVALID_CODE, Optional.empty(), Optional.empty()));
        assertThat(outcome.auditEvent(Instant.EPOCH, RequestOrigin.unknown()).reason()).contains("invalid_code");
    }
}
