package dev.authbackbone.application;

import dev.authbackbone.application.account.ManageAccountService;
import dev.authbackbone.application.account.ViewAccountEventsService;
import dev.authbackbone.application.account.ViewAccountService;
import dev.authbackbone.application.address.MakePrimaryService;
import dev.authbackbone.application.address.RemoveAddressService;
import dev.authbackbone.application.address.UndoPrimaryChangeService;
import dev.authbackbone.application.confirmation.ConfirmEmailService;
import dev.authbackbone.application.confirmation.PreviewConfirmationService;
import dev.authbackbone.application.mail.MailedCodes;
import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.domain.testing.InMemoryPrimaryUndoRepository;
import dev.authbackbone.application.confirmation.RequestEmailConfirmationService;
import dev.authbackbone.application.confirmation.ResendEmailConfirmationService;
import dev.authbackbone.application.mail.EmailLinkPolicy;
import dev.authbackbone.application.mail.Outbox;
import dev.authbackbone.application.maintenance.PurgeExpiredStateService;
import dev.authbackbone.application.signin.RequestSignInLinkService;
import dev.authbackbone.application.signin.SignInWithLinkService;
import dev.authbackbone.application.session.AuthenticateSessionService;
import dev.authbackbone.application.session.EndSessionService;
import dev.authbackbone.application.session.ListSessionsService;
import dev.authbackbone.application.session.RefreshSessionService;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.application.session.SignOutService;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.quota.RateLimit;
import dev.authbackbone.domain.token.CodeKey;
import dev.authbackbone.domain.testing.InMemoryAccountRepository;
import dev.authbackbone.domain.testing.InMemoryAuditTrail;
import dev.authbackbone.domain.testing.InMemoryEmailRequestLedger;
import dev.authbackbone.domain.testing.InMemoryEmailTokenRepository;
import dev.authbackbone.domain.testing.InMemorySessionRepository;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.testing.InMemoryUnitOfWork;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.RecordingMailSender;
import dev.authbackbone.domain.testing.SeededRandomSource;
import java.time.Duration;

/** Every service wired to in-memory fakes, as bootstrap wires them to the real adapters. */
final class Fixture {

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    final SeededRandomSource random = new SeededRandomSource(42);
    final InMemoryAccountRepository accounts = new InMemoryAccountRepository();
    final InMemoryEmailTokenRepository tokens = new InMemoryEmailTokenRepository();
    final InMemoryEmailRequestLedger ledger = new InMemoryEmailRequestLedger();
    final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    final RecordingMailSender mail = new RecordingMailSender();
    final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    final EmailLinkPolicy policy = new EmailLinkPolicy(Duration.ofHours(24), Duration.ofMinutes(15),
            new RateLimit(3, Duration.ofMinutes(15)), new RateLimit(10, Duration.ofHours(1)));

    final InMemorySessionRepository sessionRepository = new InMemorySessionRepository();
    final SessionPolicy sessionPolicy = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(90));
    final Sessions sessions = new Sessions(sessionRepository, tokens, sessionPolicy, random);

    /** A key for the codes' hashes, as a deployment with a signing secret outside the database has. */
    final CodeKey codeKey = CodeKey.of("a code key of thirty-two bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    final MailedCodes codes = new MailedCodes(tokens, codeKey);
    final Outbox outbox = new Outbox(ledger, tokens, unitOfWork, mail, audit, random, clock, policy, codeKey);
    final RequestEmailConfirmationService requestConfirmation =
            new RequestEmailConfirmationService(accounts, sessions, unitOfWork, outbox, clock);
    final ResendEmailConfirmationService resend =
            new ResendEmailConfirmationService(accounts, sessions, tokens, unitOfWork, outbox, clock);
    final Notices notices = new Notices(mail, audit, clock);
    final ConfirmEmailService confirm = new ConfirmEmailService(accounts, tokens, codes, unitOfWork, audit, notices, clock);
    final PreviewConfirmationService preview = new PreviewConfirmationService(accounts, tokens, unitOfWork, clock);
    final InMemoryPrimaryUndoRepository undos = new InMemoryPrimaryUndoRepository();
    final MakePrimaryService makePrimary = new MakePrimaryService(accounts, sessions, undos, unitOfWork, audit, notices, random, clock);
    final RemoveAddressService remove = new RemoveAddressService(accounts, sessions, tokens, unitOfWork, audit, notices, clock);
    final UndoPrimaryChangeService undo = new UndoPrimaryChangeService(accounts, undos, sessions, unitOfWork, audit, clock);
    final RequestSignInLinkService requestSignIn = new RequestSignInLinkService(accounts, unitOfWork, outbox, clock);
    final SignInWithLinkService signIn = new SignInWithLinkService(accounts, tokens, codes, unitOfWork, audit, clock, random, sessions);
    final ViewAccountService view = new ViewAccountService(accounts, tokens, clock);
    final ViewAccountEventsService events = new ViewAccountEventsService(accounts, audit);
    final ManageAccountService manage = new ManageAccountService(accounts, tokens, unitOfWork, audit, clock, random, sessions);
    final RefreshSessionService refresh =
            new RefreshSessionService(sessionRepository, accounts, unitOfWork, sessionPolicy, clock, random);
    final AuthenticateSessionService authenticate = new AuthenticateSessionService(sessionRepository, sessionPolicy, clock);
    final SignOutService signOut = new SignOutService(sessions, accounts, unitOfWork, clock);
    final ListSessionsService listSessions = new ListSessionsService(sessionRepository, sessionPolicy, clock);
    final EndSessionService endSession = new EndSessionService(sessionRepository, unitOfWork, sessionPolicy, clock);
    final PurgeExpiredStateService purge = new PurgeExpiredStateService(tokens, ledger, audit, clock, policy, Duration.ofDays(7),
            Duration.ofDays(90), sessionRepository, sessionPolicy, undos);

    static EmailAddress email(String text) {
        return EmailAddress.parse(text);
    }

    /** A caller of {@code account} with a session started now, as the bearer check hands it on. */
    Caller signedIn(AccountId account) {
        return new Caller(account, sessions.start(account, clock.instant()).id());
    }

    AccountId accountWith(String primary) {
        return ((ManageAccountResult.Opened) manage.open(email(primary))).account();
    }

    /** The raw token of the last link mail, as the recipient would read it. */
    String lastLinkToken() {
        Mail last = mail.last();
        if (last instanceof Mail.ConfirmationLink link) {
            return link.token().reveal();
        }
        if (last instanceof Mail.SignInLink link) {
            return link.token().reveal();
        }
        throw new AssertionError("last mail carries no link: " + last);
    }

    /** The code in the last mail, which must be a link mail. */
    String lastCode() {
        Mail last = mail.last();
        if (last instanceof Mail.ConfirmationLink link) {
            return link.code().reveal();
        }
        if (last instanceof Mail.SignInLink link) {
            return link.code().reveal();
        }
        throw new AssertionError("last mail carries no code: " + last);
    }
}
