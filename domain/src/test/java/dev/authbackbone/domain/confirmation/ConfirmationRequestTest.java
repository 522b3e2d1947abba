package dev.authbackbone.domain.confirmation;

import static dev.authbackbone.domain.testing.AccountTestData.anAccount;
import static dev.authbackbone.domain.testing.EmailTokenTestData.anEmailToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.confirmation.ConfirmationRequest.ResendTarget;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.testing.AccountTestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfirmationRequestTest {

    private static final AccountId ID = AccountTestData.ID;
    private static final EmailAddress TO = EmailAddress.parse("bob@example.org");
    private static final EmailAddress REQUESTER_PRIMARY = EmailAddress.parse("alice@example.com");
    private static final QuotaDecision FITS = new QuotaDecision.Allowed();
    private static final QuotaDecision FULL = new QuotaDecision.Exhausted(Duration.ofSeconds(42));

    @Test
    void decide_usableAccountFreeAddress_sendsALink() {
        LinkDecision decision = ConfirmationRequest.decide(ID, anAccount().build().standing(), Optional.of(REQUESTER_PRIMARY), Optional.empty(), FITS, FITS, TO);

        assertThat(decision).isInstanceOf(LinkDecision.SendLink.class);
        assertThat(((LinkDecision.SendLink) decision).to()).isEqualTo(TO);
    }

    @Test
    void decide_addressHeldByAnyAccount_sendsANoticeInstead_toTheSpellingItsHolderGave() {
        Account holder = anAccount().id(new AccountId(new UUID(1, 2))).build();
        EmailAddress asAsked = EmailAddress.parse("BOB@EXAMPLE.ORG");

        LinkDecision decision = ConfirmationRequest.decide(ID, anAccount().build().standing(), Optional.of(REQUESTER_PRIMARY),
                Optional.of(new AddressHolder(holder, TO)), FITS, FITS, asAsked);

        assertThat(decision).isInstanceOf(LinkDecision.SendNotice.class);
        LinkDecision.SendNotice notice = (LinkDecision.SendNotice) decision;
        assertThat(notice.to().value()).as("what the requester sees pending").isEqualTo("BOB@EXAMPLE.ORG");
        assertThat(notice.deliverTo().value()).isEqualTo("bob@example.org");
        assertThat(notice.mail(null, null, Instant.EPOCH).recipient().value()).isEqualTo("bob@example.org");
    }

    @Test
    void decide_refusesInOrder_accountStandingThenAccountQuotaThenAddressQuota() {
        assertThat(refusal(Account.standingOf(Optional.empty()), FULL, FULL).why()).isEqualTo(Reason.UNKNOWN_ACCOUNT);
        assertThat(refusal(anAccount().disabled().build().standing(), FULL, FULL).why()).isEqualTo(Reason.ACCOUNT_DISABLED);
        assertThat(refusal(anAccount().build().standing(), FULL, FULL).why()).isEqualTo(Reason.PER_ACCOUNT);
        assertThat(refusal(anAccount().build().standing(), FITS, FULL).why()).isEqualTo(Reason.PER_ADDRESS);
        assertThat(refusal(anAccount().build().standing(), FITS, FULL).retryAfter()).contains(Duration.ofSeconds(42));
    }

    @Test
    void resendTarget_namedAddressVerifiedHere_isAlreadyConfirmed() {
        EmailIdentity verified = new EmailIdentity(ID, TO, false, Instant.EPOCH);

        ResendTarget target = ConfirmationRequest.resendTarget(anAccount().build().standing(), List.of(verified), List.of(),
                Optional.of(TO));

        assertThat(target).isEqualTo(new ResendTarget.Refused(Reason.ALREADY_CONFIRMED, Optional.of(TO)));
    }

    @Test
    void resendTarget_nothingNamed_isTheNewestPendingAddress_orNothingPending() {
        var newest = anEmailToken().to("new@example.org").build();
        var older = anEmailToken().to("old@example.org").build();

        assertThat(ConfirmationRequest.resendTarget(anAccount().build().standing(), List.of(), List.of(newest, older),
                Optional.empty())).isEqualTo(new ResendTarget.Address(EmailAddress.parse("new@example.org")));
        assertThat(ConfirmationRequest.resendTarget(anAccount().build().standing(), List.of(), List.of(), Optional.empty()))
                .isEqualTo(new ResendTarget.Refused(Reason.NO_PENDING_CONFIRMATION, Optional.empty()));
    }

    private static LinkDecision.Refuse refusal(dev.authbackbone.domain.account.AccountStanding standing,
                                               QuotaDecision perAccount, QuotaDecision perAddress) {
        return (LinkDecision.Refuse) ConfirmationRequest.decide(ID, standing, Optional.of(REQUESTER_PRIMARY), Optional.empty(), perAccount, perAddress, TO);
    }
}
