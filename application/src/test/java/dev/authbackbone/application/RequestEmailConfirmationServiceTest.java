package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.application.confirmation.RequestEmailConfirmationService;
import dev.authbackbone.application.confirmation.ResendEmailConfirmationService;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.in.address.MakePrimaryCommand;
import dev.authbackbone.domain.port.in.address.MakePrimaryResult;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeCommand;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionResult;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RequestEmailConfirmationServiceTest {

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");

    private RequestEmailConfirmationResult request(AccountId account, String address) {
        return f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(account), email(address)));
    }

    /**
     * A sixth mail retires the oldest, whose code would no longer be checked, but only once it is out:
     * a request answered 503 changed nothing, and the person kept their oldest working mail (an outside probe).
     */
    @Test
    void request_sixthMailCannotBeSent_theOldestStillWorks_andASixthSentRetiresIt() {
        String oldest = null;
        for (int i = 0; i < 5; i++) {
            f.clock.advance(Duration.ofMinutes(i == 3 ? 16 : 1));
            assertThat(request(alice, "many@example.org")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
            oldest = oldest == null ? f.lastLinkToken() : oldest;
        }
        f.clock.advance(Duration.ofMinutes(16));

        f.mail.goDown();
        assertThat(request(alice, "many@example.org")).isInstanceOf(RequestEmailConfirmationResult.MailUnavailable.class);
        f.mail.comeBack();
        String oldestToken = oldest;
        assertThat(f.tokens.find(OneTimeToken.parse(oldestToken).orElseThrow().hash())
                .orElseThrow().consumedAt()).as("the oldest mail after the 503").isEmpty();

        assertThat(request(alice, "many@example.org")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(oldestToken))).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void request_unknownAddress_mailsLinkAndStoresOnlyItsHash() {
        assertThat(request(alice, "Alice.Work@Example.org")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);

        Mail.ConfirmationLink mail = (Mail.ConfirmationLink) f.mail.last();
        assertThat(mail.recipient().value()).isEqualTo("Alice.Work@Example.org");
        assertThat(mail.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(24)));
        EmailToken stored = f.tokens.pendingConfirmations(alice, f.clock.instant()).get(0);
        assertThat(stored.hash()).isEqualTo(mail.token().hash());
        assertThat(stored.toString()).doesNotContain(mail.token().reveal());
    }

    @Test
    void request_fourthInWindow_isRateLimitedUntilTheOldestLeaves() {
        for (int i = 0; i < 3; i++) {
            assertThat(request(alice, "bob@example.com")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
            f.clock.advance(Duration.ofMinutes(1));
        }
        RequestEmailConfirmationResult fourth = request(alice, "bob@example.com");

        assertThat(fourth).isEqualTo(new RequestEmailConfirmationResult.RateLimited(Duration.ofMinutes(12)));
        assertThat(f.mail.sent()).hasSize(3);
        f.clock.advance(Duration.ofMinutes(12));
        assertThat(request(alice, "bob@example.com")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
    }

    @Test
    void request_caseVariantsOfOneAddress_shareOneQuota() {
        request(alice, "bob@example.com");
        request(alice, "BOB@example.com");
        request(alice, "Bob@EXAMPLE.COM");

        assertThat(request(alice, "bOb@ExAmPlE.cOm")).isInstanceOf(RequestEmailConfirmationResult.RateLimited.class);
    }

    @Test
    void request_addressVerifiedAnywhere_isAcceptedAlikeButGetsANoticeAndNoUsableToken() {
        AccountId bob = f.accountWith("bob@example.com");

        RequestEmailConfirmationResult elsewhere = request(alice, "bob@example.com");
        RequestEmailConfirmationResult own = request(bob, "BOB@example.com");

        assertThat(elsewhere).isEqualTo(own).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
        assertThat(f.mail.sent()).hasSize(2).allMatch(m -> m instanceof Mail.AlreadyLinkedNotice);
        assertThat(f.tokens.all()).hasSize(2).noneMatch(t -> t.isUsableAt(f.clock.instant()));
        assertThat(f.ledger.all()).hasSize(2);
    }

    @Test
    void request_addressVerifiedElsewhere_isListedAsPendingAndResentAsANoticeLikeAFreeOne() {
        f.accountWith("bob@example.com");
        request(alice, "bob@example.com");
        request(alice, "bea@example.com");

        ViewAccountResult.Found view = (ViewAccountResult.Found) f.view.view(alice);
        assertThat(view.pending()).extracting(EmailToken::email)
                .containsExactlyInAnyOrder(email("bea@example.com"), email("bob@example.com"));
        ResendEmailConfirmationResult resent = f.resend.resend(
                new ResendEmailConfirmationCommand(f.signedIn(alice), Optional.of(email("bob@example.com"))));

        assertThat(resent).isEqualTo(new ResendEmailConfirmationResult.Sent(email("bob@example.com")));
        assertThat(f.mail.last()).isInstanceOf(Mail.AlreadyLinkedNotice.class);
        assertThat(f.tokens.all()).filteredOn(t -> t.email().equals(email("bob@example.com")))
                .hasSize(2).allMatch(EmailToken::isPlaceholder).noneMatch(t -> t.isUsableAt(f.clock.instant()));
        assertThat(f.accounts.findByEmail(email("bob@example.com")).orElseThrow().id()).isNotEqualTo(alice);
    }

    @Test
    void request_mailDown_answersUnavailableAndLeavesNoTokenAndNoQuotaUsed() {
        f.mail.goDown();
        for (int i = 0; i < 5; i++) {
            assertThat(request(alice, "carol@example.com")).isInstanceOf(RequestEmailConfirmationResult.MailUnavailable.class);
        }
        assertThat(f.tokens.all()).isEmpty();
        assertThat(f.ledger.all()).isEmpty();

        f.mail.comeBack();
        for (int i = 0; i < 3; i++) {
            assertThat(request(alice, "carol@example.com")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
        }
    }

    @Test
    void request_perAccountLimit_stopsSprayingManyAddresses() {
        for (int i = 0; i < 10; i++) {
            assertThat(request(alice, "target" + i + "@example.com")).isInstanceOf(RequestEmailConfirmationResult.Accepted.class);
        }
        assertThat(request(alice, "target10@example.com")).isInstanceOf(RequestEmailConfirmationResult.RateLimited.class);
        assertThat(f.mail.sent()).hasSize(10);
    }

    @Test
    void request_unknownOrDisabledAccount_isRefusedAndSendsNothing() {
        assertThat(request(AccountId.generate(f.random), "x@example.com")).isInstanceOf(RequestEmailConfirmationResult.UnknownAccount.class);
        f.manage.setDisabled("alice@example.com", true);
        assertThat(request(alice, "x@example.com")).isInstanceOf(RequestEmailConfirmationResult.AccountDisabled.class);
        assertThat(f.mail.sent()).isEmpty();
        assertThat(f.ledger.all()).isEmpty();
    }

    /**
     * The service as wired, except that {@code meanwhile} runs and commits just before its unit of
     * work starts: after the bearer check, before the account's lock, where an undo that held the
     * lock lands when a request waited for it.
     */
    private UnitOfWork after(Runnable meanwhile) {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                meanwhile.run();
                return f.unitOfWork.inTransaction(work);
            }
        };
    }

    @Test
    void request_sessionEndedByAnUndoAfterTheBearerCheck_isSessionEnded_andStoresCountsAndMailsNothing() {
        // The thief's address is linked after the owner's, as it always is: an undo restores only an older one.
        f.clock.advance(java.time.Duration.ofSeconds(1));
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("thief@example.net")));
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken()))).isInstanceOf(ConfirmEmailResult.Confirmed.class);
        assertThat(f.makePrimary.makePrimary(new MakePrimaryCommand(f.signedIn(alice), email("thief@example.net"), RequestOrigin.unknown())))
                .isInstanceOf(MakePrimaryResult.MadePrimary.class);
        String undoLink = ((Mail.PrimaryChangedNotice) f.mail.last()).token().reveal();
        Caller thief = f.signedIn(alice);
        assertThat(f.authenticate.authenticate(thief)).as("the bearer check passes").isInstanceOf(AuthenticateSessionResult.Live.class);
        int tokens = f.tokens.all().size();
        int ledger = f.ledger.all().size();
        int mails = f.mail.sent().size();
        RequestEmailConfirmationService racing = new RequestEmailConfirmationService(f.accounts, f.sessions,
                after(() -> assertThat(f.undo.undo(new UndoPrimaryChangeCommand(undoLink, RequestOrigin.unknown())))
                        .isInstanceOf(UndoPrimaryChangeResult.Undone.class)), f.outbox, f.clock);

        RequestEmailConfirmationResult result = racing.request(new RequestEmailConfirmationCommand(thief, email("thief2@example.net")));

        assertThat(result).isEqualTo(new RequestEmailConfirmationResult.SessionEnded());
        assertThat(f.tokens.all()).hasSize(tokens);
        assertThat(f.tokens.pendingConfirmations(alice, f.clock.instant())).isEmpty();
        assertThat(f.ledger.all()).as("no quota used").hasSize(ledger);
        assertThat(f.mail.sent()).hasSize(mails);
    }

    @Test
    void resend_sessionEndedBySignOutEverywhereAfterTheBearerCheck_isSessionEnded_andStoresCountsAndMailsNothing() {
        request(alice, "bob@example.com");
        Caller thief = f.signedIn(alice);
        assertThat(f.authenticate.authenticate(thief)).as("the bearer check passes").isInstanceOf(AuthenticateSessionResult.Live.class);
        ResendEmailConfirmationService racing = new ResendEmailConfirmationService(f.accounts, f.sessions,
                f.tokens, after(() -> f.signOut.signOutEverywhere(f.signedIn(alice))), f.outbox, f.clock);

        ResendEmailConfirmationResult result = racing.resend(new ResendEmailConfirmationCommand(thief, Optional.empty()));

        assertThat(result).isEqualTo(new ResendEmailConfirmationResult.SessionEnded());
        assertThat(f.tokens.all()).hasSize(1);
        assertThat(f.ledger.all()).as("no quota used").hasSize(1);
        assertThat(f.mail.sent()).hasSize(1);
    }

    @Test
    void request_sessionOfAnotherAccountOrUnknown_isSessionEnded_evenForADisabledAccount() {
        Caller bobs = f.signedIn(f.accountWith("bob@example.com"));
        f.manage.setDisabled("alice@example.com", true);

        assertThat(f.requestConfirmation.request(new RequestEmailConfirmationCommand(new Caller(alice, bobs.session()),
                email("x@example.com")))).isEqualTo(new RequestEmailConfirmationResult.SessionEnded());
        assertThat(f.requestConfirmation.request(new RequestEmailConfirmationCommand(new Caller(alice, SessionId.generate(f.random)),
                email("x@example.com")))).isEqualTo(new RequestEmailConfirmationResult.SessionEnded());
        assertThat(f.mail.sent()).isEmpty();
    }
}
