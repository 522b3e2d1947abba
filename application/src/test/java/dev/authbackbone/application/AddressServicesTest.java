package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.address.MakePrimaryCommand;
import dev.authbackbone.domain.port.in.address.MakePrimaryResult;
import dev.authbackbone.domain.port.in.address.RemoveAddressCommand;
import dev.authbackbone.domain.port.in.address.RemoveAddressResult;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeCommand;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressServicesTest {

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");
    private final AccountId bob = f.accountWith("bob@example.com");

    /** Links {@code address} a second after whatever came before, as addresses are in life: an undo compares their ages. */
    private void link(AccountId account, String address) {
        f.clock.advance(Duration.ofSeconds(1));
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(account), email(address)));
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken()))).isInstanceOf(ConfirmEmailResult.Confirmed.class);
    }

    private MakePrimaryResult makePrimary(AccountId account, String address) {
        return f.makePrimary.makePrimary(new MakePrimaryCommand(f.signedIn(account), email(address), RequestOrigin.unknown()));
    }

    private RemoveAddressResult remove(AccountId account, String address) {
        return f.remove.remove(new RemoveAddressCommand(f.signedIn(account), email(address), RequestOrigin.unknown()));
    }

    private String primaryOf(AccountId account) {
        return f.accounts.identitiesOf(account).stream().filter(EmailIdentity::primary).findFirst().orElseThrow()
                .email().value();
    }

    /**
     * The bearer check found the session live, then sign-out everywhere (or an undo, or disabling)
     * ended it before the account's lock was taken: nothing changes (ADR 0019).
     */
    @Test
    void makePrimaryAndRemove_sessionEndedBeforeTheLock_changeNothing() {
        link(alice, "work@example.org");
        Caller caller = f.signedIn(alice);
        f.sessions.endAll(alice, EndReason.ENDED_BY_ACCOUNT, f.clock.instant());
        int mails = f.mail.sent().size();

        assertThat(f.makePrimary.makePrimary(new MakePrimaryCommand(caller, email("work@example.org"), RequestOrigin.unknown())))
                .isInstanceOf(MakePrimaryResult.SessionEnded.class);
        assertThat(f.remove.remove(new RemoveAddressCommand(caller, email("work@example.org"), RequestOrigin.unknown())))
                .isInstanceOf(RemoveAddressResult.SessionEnded.class);

        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
        assertThat(f.accounts.identitiesOf(alice)).extracting(identity -> identity.email().value())
                .contains("work@example.org");
        assertThat(f.mail.sent()).hasSize(mails);
    }

    @Test
    void makePrimary_switches_mailsThePreviousPrimaryAnUndoLink_andUndoRestoresIt() {
        link(alice, "work@example.org");
        f.sessions.start(alice, f.clock.instant());

        assertThat(makePrimary(alice, "Work@Example.org")).isEqualTo(new MakePrimaryResult.MadePrimary(email("work@example.org")));

        assertThat(primaryOf(alice)).isEqualTo("work@example.org");
        Mail.PrimaryChangedNotice notice = (Mail.PrimaryChangedNotice) f.mail.last();
        assertThat(notice.recipient()).isEqualTo(email("alice@example.com"));
        assertThat(f.audit.types()).contains(AuditEventType.PRIMARY_CHANGED);

        UndoPrimaryChangeCommand undo = new UndoPrimaryChangeCommand(notice.token().reveal(), RequestOrigin.unknown());
        assertThat(f.undo.undo(undo)).isEqualTo(new UndoPrimaryChangeResult.Undone(email("alice@example.com")));
        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
        assertThat(f.accounts.identitiesOf(alice)).as("the restored primary is the account's only address")
                .extracting(identity -> identity.email().value()).containsExactly("alice@example.com");
        assertThat(f.sessionRepository.endAll(alice, dev.authbackbone.domain.session.EndReason.SIGNED_OUT, f.clock.instant()))
                .as("the undo ended every session").isZero();
        assertThat(f.undo.undo(undo)).isInstanceOf(UndoPrimaryChangeResult.InvalidToken.class);
        assertThat(f.audit.types()).contains(AuditEventType.PRIMARY_CHANGE_UNDONE, AuditEventType.PRIMARY_UNDO_REJECTED);
    }

    /**
     * Alice's own address was linked first. Whoever holds the link mailed to a later address (a
     * thief who made theirs primary and then hers again, to be mailed a link) cannot use it while
     * hers is primary, nor end hers; hers, used after the thief made theirs primary again, takes
     * the account back.
     */
    @Test
    void undo_aLinkToAnAddressNewerThanThePrimary_isRefused_andTheOwnersLinkStillTakesTheAccountBack() {
        List<Mail.PrimaryChangedNotice> notices = primaryAwayAndBack();
        Mail.PrimaryChangedNotice first = notices.get(0);
        Mail.PrimaryChangedNotice second = notices.get(1);

        assertThat(f.undo.undo(new UndoPrimaryChangeCommand(second.token().reveal(), RequestOrigin.unknown())))
                .isInstanceOf(UndoPrimaryChangeResult.InvalidToken.class);
        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
        makePrimary(alice, "work@example.org");

        assertThat(f.undo.undo(new UndoPrimaryChangeCommand(first.token().reveal(), RequestOrigin.unknown())))
                .isEqualTo(new UndoPrimaryChangeResult.Undone(email("alice@example.com")));
        assertThat(f.accounts.identitiesOf(alice)).extracting(identity -> identity.email().value())
                .containsExactly("alice@example.com");
        assertThat(f.undo.undo(new UndoPrimaryChangeCommand(second.token().reveal(), RequestOrigin.unknown())))
                .isInstanceOf(UndoPrimaryChangeResult.InvalidToken.class);
    }

    @Test
    void undo_withTheOlderLink_endsTheLinksOfEveryLaterChange() {
        link(alice, "work@example.org");
        makePrimary(alice, "work@example.org");
        Mail.PrimaryChangedNotice first = (Mail.PrimaryChangedNotice) f.mail.last();
        link(alice, "newer@example.org");
        makePrimary(alice, "newer@example.org");
        Mail.PrimaryChangedNotice second = (Mail.PrimaryChangedNotice) f.mail.last();

        assertThat(f.undo.undo(new UndoPrimaryChangeCommand(first.token().reveal(), RequestOrigin.unknown())))
                .isEqualTo(new UndoPrimaryChangeResult.Undone(email("alice@example.com")));

        assertThat(f.undo.undo(new UndoPrimaryChangeCommand(second.token().reveal(), RequestOrigin.unknown())))
                .as("work is older than newer, but its link undid a change that the first link undid too")
                .isInstanceOf(UndoPrimaryChangeResult.InvalidToken.class);
        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
    }

    /** Work made primary (alice's address is mailed the first link), then alice's again (work is mailed the second). */
    private List<Mail.PrimaryChangedNotice> primaryAwayAndBack() {
        link(alice, "work@example.org");
        makePrimary(alice, "work@example.org");
        Mail.PrimaryChangedNotice first = (Mail.PrimaryChangedNotice) f.mail.last();
        makePrimary(alice, "alice@example.com");
        return List.of(first, (Mail.PrimaryChangedNotice) f.mail.last());
    }

    @Test
    void makePrimary_unknownPendingOrAnotherAccountsAddress_isTheSameNotFound_andChangesNothing() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("pending@example.org")));
        int mails = f.mail.sent().size();

        assertThat(makePrimary(alice, "nobody@example.org")).isInstanceOf(MakePrimaryResult.NotFound.class);
        assertThat(makePrimary(alice, "pending@example.org")).isInstanceOf(MakePrimaryResult.NotFound.class);
        assertThat(makePrimary(alice, "bob@example.com")).isInstanceOf(MakePrimaryResult.NotFound.class);
        assertThat(makePrimary(alice, "alice@example.com")).isInstanceOf(MakePrimaryResult.MadePrimary.class);

        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
        assertThat(primaryOf(bob)).isEqualTo("bob@example.com");
        assertThat(f.mail.sent()).hasSize(mails);
    }

    @Test
    void makePrimary_mailDown_takesTheChangeBack() {
        link(alice, "work@example.org");
        f.mail.goDown();

        assertThat(makePrimary(alice, "work@example.org")).isInstanceOf(MakePrimaryResult.MailUnavailable.class);

        assertThat(primaryOf(alice)).isEqualTo("alice@example.com");
        assertThat(f.audit.types()).contains(AuditEventType.MAIL_FAILED, AuditEventType.PRIMARY_CHANGE_UNDONE);
    }

    @Test
    void remove_primaryIsRefused_otherVerifiedIsRemovedAndThePrimaryTold_andTheAddressIsFreeAgain() {
        link(alice, "work@example.org");

        assertThat(remove(alice, "alice@example.com")).isInstanceOf(RemoveAddressResult.IsPrimary.class);
        assertThat(remove(alice, "bob@example.com")).isInstanceOf(RemoveAddressResult.NotFound.class);
        assertThat(remove(alice, "work@example.org")).isEqualTo(new RemoveAddressResult.Removed(email("work@example.org")));

        assertThat(f.accounts.identitiesOf(alice)).extracting(i -> i.email().value(), EmailIdentity::primary)
                .containsExactly(tuple("alice@example.com", true));
        assertThat(f.mail.last()).isEqualTo(new Mail.AddressRemovedNotice(email("alice@example.com"), email("work@example.org")));
        link(bob, "work@example.org");
        assertThat(f.accounts.findByEmail(email("work@example.org")).orElseThrow().id()).isEqualTo(bob);
    }

    @Test
    void remove_pendingAddress_killsItsLink() {
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("pending@example.org")));
        String link = f.lastLinkToken();

        assertThat(remove(alice, "pending@example.org")).isInstanceOf(RemoveAddressResult.Removed.class);

        assertThat(f.confirm.confirm(new ConfirmEmailCommand(link))).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(f.accounts.findByEmail(email("pending@example.org"))).isEmpty();
        assertThat(f.audit.types()).contains(AuditEventType.ADDRESS_REMOVED);
    }

    @Test
    void disabledAccount_canNeitherChangeNorRemove() {
        link(alice, "work@example.org");
        f.manage.setDisabled(alice.toString(), true);

        assertThat(makePrimary(alice, "work@example.org")).isInstanceOf(MakePrimaryResult.AccountDisabled.class);
        assertThat(remove(alice, "work@example.org")).isInstanceOf(RemoveAddressResult.AccountDisabled.class);
    }
}
