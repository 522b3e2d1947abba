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

    /** When the owner's HOME was linked: before every other address of these tests. */
    private static final Instant LONG_AGO = NOW.minus(java.time.Duration.ofDays(30));

    private static PrimaryUndo undoLink(long seed, EmailAddress previous, Instant linkedAt, Instant issuedAt) {
        return PrimaryUndo.issue(OneTimeToken.generate(new SeededRandomSource(seed)), ID,
                new EmailIdentity(ID, previous, false, linkedAt), issuedAt);
    }

    @Test
    void undo_aUsableLink_restoresThePreviousPrimary_relinkingItWhenItWasRemovedAndIsFree_andEvictsEveryOtherAddress() {
        PrimaryUndo undo = undoLink(2, HOME, LONG_AGO, NOW);
        Account owner = anAccount().build();
        EmailAddress third = EmailAddress.parse("third@example.net");
        List<EmailIdentity> now = List.of(new EmailIdentity(ID, WORK, true, NOW.minusSeconds(3600)),
                new EmailIdentity(ID, HOME, false, LONG_AGO), new EmailIdentity(ID, third, false, NOW));

        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(owner), Optional.of(owner), now, List.of()))
                .isEqualTo(new UndoDecision.Restore(ID, HOME, false, List.of(WORK, third), NOW));
        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(owner), Optional.empty(), now.subList(0, 1), List.of()))
                .isEqualTo(new UndoDecision.Restore(ID, HOME, true, List.of(WORK), NOW));
        assertThat(UndoDecision.decide(Optional.of(undo), Optional.of(anAccount().disabled().build()), Optional.empty(), now,
                List.of()))
                .as("undoing only takes power away").isInstanceOf(UndoDecision.Restore.class);
    }

    /**
     * A thief's addresses are linked after every one of the owner's, so a link to one of them can
     * never replace the owner's older address: the probe's takeovers (the thief's link used after
     * the owner signed out everywhere and removed the thief's address; the thief's newest link
     * ending the owner's newest) are refused.
     */
    @Test
    void undo_aLinkToAnAddressLinkedAfterThePrimary_isRefused() {
        EmailAddress thief = EmailAddress.parse("thief@example.net");
        PrimaryUndo thiefs = undoLink(10, thief, NOW.minusSeconds(60), NOW);
        PrimaryUndo ownersToItsOwnPrimary = undoLink(11, HOME, LONG_AGO, NOW);
        Account owner = anAccount().build();
        List<EmailIdentity> ownerPrimary = List.of(new EmailIdentity(ID, HOME, true, LONG_AGO));

        assertThat(UndoDecision.decide(Optional.of(thiefs), Optional.of(owner), Optional.empty(), ownerPrimary, List.of()))
                .isEqualTo(new UndoDecision.Invalid(Reason.LINKED_AFTER_THE_PRIMARY, Optional.of(ID), Optional.of(thief)));
        assertThat(UndoDecision.decide(Optional.of(ownersToItsOwnPrimary), Optional.of(owner), Optional.of(owner),
                List.of(ownerPrimary.get(0), new EmailIdentity(ID, thief, false, NOW.minusSeconds(60))), List.of()))
                .as("the primary now: its others leave, every session ends")
                .isEqualTo(new UndoDecision.Restore(ID, HOME, false, List.of(thief), NOW));
        PrimaryUndo legacy = PrimaryUndo.restore(thiefs.hash(), ID, thief, Optional.empty(), NOW, NOW.plus(PrimaryUndo.TTL),
                Optional.empty());
        assertThat(UndoDecision.decide(Optional.of(legacy), Optional.of(owner), Optional.empty(), ownerPrimary, List.of()))
                .as("a link from before the column is honoured as before").isInstanceOf(UndoDecision.Restore.class);
    }

    /**
     * The owner's HOME was primary; a thief with a stolen session made T1 primary (a link to HOME),
     * then T2 (a link to T1). The thief's link may be used (T1 is older than T2) but never ends the
     * owner's older one, and the owner's ends the thief's.
     */
    @Test
    void undo_endsTheLinksOfLaterChanges_fromTheOldestLinkForTheSameAddress_neverAnOlderOneForAnother() {
        EmailAddress t1 = EmailAddress.parse("t1@example.net");
        EmailAddress t2 = EmailAddress.parse("t2@example.net");
        PrimaryUndo owners = undoLink(4, HOME, LONG_AGO, NOW);
        PrimaryUndo thiefs = undoLink(5, t1, NOW.minusSeconds(120), NOW.plusSeconds(1));
        Account owner = anAccount().build();
        List<EmailIdentity> identities = List.of(new EmailIdentity(ID, t2, true, NOW.minusSeconds(60)),
                new EmailIdentity(ID, t1, false, NOW.minusSeconds(120)), new EmailIdentity(ID, HOME, false, LONG_AGO));

        assertThat(UndoDecision.decide(Optional.of(thiefs), Optional.of(owner), Optional.of(owner), identities,
                List.of(owners, thiefs))).extracting(d -> ((UndoDecision.Restore) d).endLinksSince())
                .as("the thief's link ends only itself and later ones").isEqualTo(NOW.plusSeconds(1));
        assertThat(UndoDecision.decide(Optional.of(owners), Optional.of(owner), Optional.of(owner), identities,
                List.of(owners, thiefs))).extracting(d -> ((UndoDecision.Restore) d).endLinksSince())
                .as("the owner's ends everything from its own on").isEqualTo(NOW);
    }

    @Test
    void undo_aLinkIssuedAfterOthers_isOrderedAfterThemEvenWhenTheClockSaysOtherwise() {
        PrimaryUndo earlier = undoLink(7, HOME, LONG_AGO, NOW);
        EmailIdentity work = new EmailIdentity(ID, WORK, false, NOW.minusSeconds(3600));
        PrimaryUndo later = PrimaryUndo.issueAfter(OneTimeToken.generate(new SeededRandomSource(8)), ID, work,
                NOW.minusMillis(3), List.of(earlier));

        assertThat(later.issuedAt()).isAfter(earlier.issuedAt());
        assertThat(later.expiresAt()).isEqualTo(later.issuedAt().plus(PrimaryUndo.TTL));
        assertThat(later.previousVerifiedAt()).contains(work.verifiedAt());
        assertThat(PrimaryUndo.issueAfter(OneTimeToken.generate(new SeededRandomSource(9)), ID, work, NOW.plusSeconds(1),
                List.of(earlier)).issuedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void undo_unknownUsedOrExpiredLink_orAnAddressAnotherAccountHoldsNow_isInvalid() {
        PrimaryUndo undo = undoLink(3, HOME, LONG_AGO, NOW);
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
