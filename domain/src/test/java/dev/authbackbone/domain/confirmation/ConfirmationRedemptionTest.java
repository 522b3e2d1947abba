package dev.authbackbone.domain.confirmation;

import static dev.authbackbone.domain.testing.AccountTestData.anAccount;
import static dev.authbackbone.domain.testing.EmailTokenTestData.anEmailToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.testing.AccountTestData;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConfirmationRedemptionTest {

    private static final Instant NOW = AccountTestData.CREATED_AT.plusSeconds(60);
    private static final EmailToken TOKEN = anEmailToken().to("bob@example.org").build();

    @Test
    void ofConsumed_ownerMayAct_isConfirmed_andRecordedAsSuch() {
        ConfirmationRedemption outcome = ConfirmationRedemption.ofConsumed(TOKEN, Optional.of(anAccount().build()));

        assertThat(outcome).isEqualTo(new ConfirmationRedemption.Confirmed(AccountTestData.ID, TOKEN.email()));
        assertThat(outcome.auditEvent(NOW, RequestOrigin.unknown()).type()).isEqualTo(AuditEventType.EMAIL_CONFIRMED);
    }

    @Test
    void ofConsumed_ownerDisabled_isInvalidForThatReason_namingAccountAndAddress() {
        ConfirmationRedemption outcome = ConfirmationRedemption.ofConsumed(TOKEN, Optional.of(anAccount().disabled().build()));

        assertThat(outcome).isEqualTo(new ConfirmationRedemption.Invalid(Reason.ACCOUNT_DISABLED,
                Optional.of(AccountTestData.ID), Optional.of(TOKEN.email())));
        assertThat(outcome.auditEvent(NOW, RequestOrigin.unknown()).reason()).contains("account_disabled");
    }

    @Test
    void ofUnconsumable_unexpiredTokenWhoseAddressAnotherAccountHolds_isTaken() {
        var other = anAccount().id(new AccountId(new UUID(7, 7))).build();

        assertThat(ConfirmationRedemption.ofUnconsumable(Optional.of(TOKEN), Optional.of(anAccount().build()),
                Optional.of(other), NOW)).isEqualTo(new ConfirmationRedemption.Taken(Optional.empty(), Optional.empty()));
    }

    @Test
    void ofUnconsumable_ownAddressUnknownOrExpired_isInvalidToken() {
        var owner = anAccount().build();
        EmailToken expired = anEmailToken().issuedAt(NOW.minusSeconds(86_400 * 2)).build();

        assertThat(ConfirmationRedemption.ofUnconsumable(Optional.of(TOKEN), Optional.of(owner), Optional.of(owner), NOW))
                .isEqualTo(ConfirmationRedemption.invalidToken());
        assertThat(ConfirmationRedemption.ofUnconsumable(Optional.empty(), Optional.empty(), Optional.empty(), NOW))
                .isEqualTo(ConfirmationRedemption.invalidToken());
        assertThat(ConfirmationRedemption.ofUnconsumable(Optional.of(expired), Optional.of(owner),
                Optional.of(anAccount().id(new AccountId(new UUID(7, 7))).build()), NOW))
                .isEqualTo(ConfirmationRedemption.invalidToken());
        assertThat(ConfirmationRedemption.invalidToken().auditEvent(NOW, RequestOrigin.unknown()).reason())
                .contains("invalid_token");
    }

    @Test
    void wrongCode_isInvalid_recordedAsInvalidCode_namingNeitherAccountNorAddress() {
        ConfirmationRedemption outcome = ConfirmationRedemption.wrongCode();

        assertThat(outcome).isEqualTo(new ConfirmationRedemption.Invalid(Reason.INVALID_CODE, Optional.empty(), Optional.empty()));
        var event = outcome.auditEvent(NOW, RequestOrigin.unknown());
        assertThat(event.type()).isEqualTo(AuditEventType.CONFIRMATION_REJECTED);
        assertThat(event.reason()).contains("invalid_code");
        assertThat(event.account()).isEmpty();
    }
}
