package dev.authbackbone.domain.address;

import static dev.authbackbone.domain.testing.AccountTestData.anAccount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.testing.AccountTestData;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.testing.SeededRandomSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AddressDecisionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ID = AccountTestData.ID;
    private static final AccountStanding MAY_ACT = anAccount().build().standing();
    private static final EmailAddress HOME = EmailAddress.parse("ada@example.com");
    private static final EmailAddress WORK = EmailAddress.parse("Ada.Work@example.org");
    private static final EmailAddress PENDING = EmailAddress.parse("ada.pending@example.org");
    private static final List<EmailIdentity> VERIFIED = List.of(new EmailIdentity(ID, HOME, true, NOW),
            new EmailIdentity(ID, WORK, false, NOW));
    private static final List<EmailToken> PENDING_TOKENS = List.of(EmailToken.issue(OneTimeToken.generate(new SeededRandomSource(1)),
            EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ID), PENDING, NOW, Duration.ofHours(24)));

    @Test
    void primary_verifiedNonPrimary_switchesFromTheCurrentPrimary() {
        PrimaryDecision decision = PrimaryDecision.decide(ID, MAY_ACT, VERIFIED, EmailAddress.parse("ada.work@EXAMPLE.org"));

        assertThat(decision).isEqualTo(new PrimaryDecision.Switch(ID, HOME, WORK));
        assertThat(((PrimaryDecision.Switch) decision).auditEvent(NOW, RequestOrigin.unknown()).type())
                .isEqualTo(AuditEventType.PRIMARY_CHANGED);
    }

    @Test
    void primary_theCurrentPrimary_isUnchanged() {
        assertThat(PrimaryDecision.decide(ID, MAY_ACT, VERIFIED, HOME)).isEqualTo(new PrimaryDecision.Unchanged(HOME));
    }

    @Test
    void primary_anAddressNotVerifiedOnTheAccount_isRefusedForOneReason() {
        assertThat(PrimaryDecision.decide(ID, MAY_ACT, VERIFIED, PENDING))
                .isEqualTo(new PrimaryDecision.Refuse(Reason.NOT_AN_ADDRESS_OF_THE_ACCOUNT, ID, PENDING));
    }

    @Test
    void primary_disabledOrUnknownAccount_isRefusedForItsStanding() {
        assertThat(PrimaryDecision.decide(ID, anAccount().disabled().build().standing(), VERIFIED, WORK))
                .isEqualTo(new PrimaryDecision.Refuse(Reason.ACCOUNT_DISABLED, ID, WORK));
        assertThat(PrimaryDecision.decide(ID, Account.standingOf(Optional.empty()), List.of(), WORK))
                .isEqualTo(new PrimaryDecision.Refuse(Reason.UNKNOWN_ACCOUNT, ID, WORK));
    }

    @Test
    void removal_thePrimary_isRefused_aVerifiedOneIsRemoved_aPendingOneToo_andAnythingElseIsNotFound() {
        assertThat(RemovalDecision.decide(ID, MAY_ACT, VERIFIED, PENDING_TOKENS, HOME))
                .isEqualTo(new RemovalDecision.Refuse(Reason.PRIMARY_ADDRESS, ID, HOME));
        assertThat(RemovalDecision.decide(ID, MAY_ACT, VERIFIED, PENDING_TOKENS, WORK))
                .isEqualTo(new RemovalDecision.Remove(ID, WORK, false, HOME));
        RemovalDecision pending = RemovalDecision.decide(ID, MAY_ACT, VERIFIED, PENDING_TOKENS, PENDING);
        assertThat(pending).isEqualTo(new RemovalDecision.Remove(ID, PENDING, true, HOME));
        assertThat(((RemovalDecision.Remove) pending).auditEvent(NOW, RequestOrigin.unknown()).reason())
                .contains(Reason.PENDING_ADDRESS.code());
        EmailAddress stranger = EmailAddress.parse("someone@example.net");
        assertThat(RemovalDecision.decide(ID, MAY_ACT, VERIFIED, PENDING_TOKENS, stranger))
                .isEqualTo(new RemovalDecision.Refuse(Reason.NOT_AN_ADDRESS_OF_THE_ACCOUNT, ID, stranger));
        assertThat(RemovalDecision.decide(ID, anAccount().disabled().build().standing(), VERIFIED, PENDING_TOKENS, WORK))
                .isEqualTo(new RemovalDecision.Refuse(Reason.ACCOUNT_DISABLED, ID, WORK));
    }

    @Test
    void undo_aConsumedLink_restoresThePreviousPrimary_relinkingItWhenItWasRemovedAndIsFree_andEvictsEveryOtherAddress() {
        PrimaryUndo undo = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(2)), ID, HOME, NOW);
        Account owner = anAccount().build();
        EmailAddress third = EmailAddress.parse("third@example.net");
        List<EmailIdentity> now = List.of(new EmailIdentity(ID, WORK, true, NOW), new EmailIdentity(ID, HOME, false, NOW),
                new EmailIdentity(ID, third, false, NOW));

        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(owner), Optional.of(owner), now, List.of()))
                .isEqualTo(new UndoDecision.Restore(ID, HOME, false, List.of(WORK, third), NOW));
        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(owner), Optional.empty(), now.subList(0, 1), List.of()))
                .isEqualTo(new UndoDecision.Restore(ID, HOME, true, List.of(WORK), NOW));
        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(anAccount().disabled().build()), Optional.empty(), now,
                List.of()))
                .as("undoing only takes power away").isInstanceOf(UndoDecision.Restore.class);
    }

    /**
     * The owner's HOME was primary; a thief with a stolen session made THIEF primary (link 1, to
     * HOME), HOME again (link 2, to THIEF), THIEF again (link 3, to HOME). Whichever link is used,
     * the thief's never ends the owner's older one, and the owner's ends the thief's.
     */
    @Test
    void undo_endsTheLinksOfLaterChanges_fromTheOldestLinkForTheSameAddress_neverAnOlderOneForAnother() {
        EmailAddress thief = EmailAddress.parse("thief@example.net");
        PrimaryUndo ownersFirst = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(4)), ID, HOME, NOW);
        PrimaryUndo thiefs = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(5)), ID, thief,
                NOW.plusSeconds(1));
        PrimaryUndo ownersSecond = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(6)), ID, HOME,
                NOW.plusSeconds(2));
        Account owner = anAccount().build();
        List<EmailIdentity> identities = List.of(new EmailIdentity(ID, thief, true, NOW), new EmailIdentity(ID, HOME, false, NOW));

        assertThat(UndoDecision.decide(Optional.of(thiefs), Optional.of(owner), Optional.of(owner), identities,
                List.of(ownersFirst, ownersSecond))).extracting(d -> ((UndoDecision.Restore) d).endLinksSince())
                .as("the thief's link ends only the later one").isEqualTo(NOW.plusSeconds(1));
        assertThat(UndoDecision.decide(Optional.of(ownersSecond), Optional.of(owner), Optional.of(owner), identities,
                List.of(ownersFirst, thiefs))).extracting(d -> ((UndoDecision.Restore) d).endLinksSince())
                .as("the owner's newer link ends everything from the owner's oldest on").isEqualTo(NOW);
        assertThat(UndoDecision.decide(Optional.of(ownersFirst), Optional.of(owner), Optional.of(owner), identities,
                List.of(thiefs, ownersSecond))).extracting(d -> ((UndoDecision.Restore) d).endLinksSince())
                .isEqualTo(NOW);
    }

    @Test
    void undo_aLinkIssuedAfterOthers_isOrderedAfterThemEvenWhenTheClockSaysOtherwise() {
        PrimaryUndo earlier = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(7)), ID, HOME, NOW);
        PrimaryUndo later = PrimaryUndo.issueAfter(OneTimeToken.generate(new SeededRandomSource(8)), ID, WORK,
                NOW.minusMillis(3), List.of(earlier));

        assertThat(later.issuedAt()).isAfter(earlier.issuedAt());
        assertThat(later.expiresAt()).isEqualTo(later.issuedAt().plus(PrimaryUndo.TTL));
        assertThat(PrimaryUndo.issueAfter(OneTimeToken.generate(new SeededRandomSource(9)), ID, WORK, NOW.plusSeconds(1),
                List.of(earlier)).issuedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void undo_unknownUsedOrExpiredLink_orAnAddressAnotherAccountHoldsNow_isInvalid() {
        PrimaryUndo undo = PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(3)), ID, HOME, NOW);
        Account other = anAccount().id(new AccountId(UUID.fromString("00000000-0000-4000-8000-000000000009"))).build();

        assertThat(UndoDecision.decide(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of()))
                .isEqualTo(new UndoDecision.Invalid(Reason.INVALID_TOKEN, Optional.empty(), Optional.empty()));
        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(anAccount().build()), Optional.of(other), VERIFIED,
                List.of()))
                .isEqualTo(new UndoDecision.Invalid(Reason.ADDRESS_GONE, Optional.of(ID), Optional.of(HOME)));
        assertThat(undo.isUsableAt(NOW.plus(PrimaryUndo.TTL))).as("valid 7 days").isFalse();
        assertThat(undo.isUsableAt(NOW.plus(PrimaryUndo.TTL).minusSeconds(1))).isTrue();
    }
}
