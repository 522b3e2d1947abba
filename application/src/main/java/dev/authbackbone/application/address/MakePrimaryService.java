package dev.authbackbone.application.address;

import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.address.PrimaryDecision;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.address.MakePrimaryCommand;
import dev.authbackbone.domain.port.in.address.MakePrimaryResult;
import dev.authbackbone.domain.port.in.address.MakePrimaryUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Makes a verified address of the caller its primary. The switch, the undo link and the trail's
 * event commit together, with the account locked so that concurrent changes run one after the
 * other, and the caller's session judged again under that lock (ADR 0019); the previous primary is then mailed the undo link. Without that mail nobody could undo a
 * change made with a stolen session, so a mail that cannot be sent takes the change back (503).
 */
public final class MakePrimaryService implements MakePrimaryUseCase {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final PrimaryUndoRepository undos;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Notices notices;
    private final RandomGenerator random;
    private final Clock clock;

    public MakePrimaryService(AccountRepository accounts, Sessions sessions, PrimaryUndoRepository undos,
                              UnitOfWork unitOfWork, AuditTrail audit, Notices notices, RandomGenerator random, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.undos = undos;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.notices = notices;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public MakePrimaryResult makePrimary(MakePrimaryCommand command) {
        Instant now = clock.instant();
        OneTimeToken token = OneTimeToken.generate(random);
        PrimaryDecision decision = unitOfWork.inTransaction(() -> {
            AccountStanding standing = sessions.standing(command.caller(), accounts.findForUpdate(command.account()), now);
            List<EmailIdentity> identities = accounts.identitiesOf(command.account());
            PrimaryDecision decided = PrimaryDecision.decide(command.account(), standing, identities, command.email());
            if (decided instanceof PrimaryDecision.Refuse refused) {
                audit.record(refused.auditEvent(now, command.origin()));
            } else if (decided instanceof PrimaryDecision.Switch change) {
                accounts.makePrimary(change.account(), change.to());
                EmailIdentity previous = identities.stream().filter(i -> i.email().equals(change.from())).findFirst()
                        .orElseThrow();
                undos.save(PrimaryUndo.issueAfter(token, change.account(), previous, now,
                        undos.usableOf(change.account(), now)));
                audit.record(change.auditEvent(now, command.origin()));
            }
            return decided;
        });
        if (decision instanceof PrimaryDecision.Refuse refused) {
            return refusal(refused.why());
        }
        if (decision instanceof PrimaryDecision.Switch change) {
            Optional<Duration> unavailable = notices.send(new Mail.PrimaryChangedNotice(change.from(), change.to(), token,
                    now.plus(PrimaryUndo.TTL)), change.account(), command.origin());
            if (unavailable.isPresent()) {
                takeBack(change, token, command);
                return new MakePrimaryResult.MailUnavailable(unavailable.get());
            }
            return new MakePrimaryResult.MadePrimary(change.to());
        }
        return new MakePrimaryResult.MadePrimary(((PrimaryDecision.Unchanged) decision).email());
    }

    /** Restores the previous primary, unless something changed it since, and deletes the undo link nobody received. */
    private void takeBack(PrimaryDecision.Switch change, OneTimeToken token, MakePrimaryCommand command) {
        unitOfWork.inTransaction(() -> {
            accounts.findForUpdate(change.account());
            List<EmailIdentity> identities = accounts.identitiesOf(change.account());
            boolean stillOurs = identities.stream().anyMatch(i -> i.primary() && i.email().equals(change.to()));
            boolean previousStillThere = identities.stream().map(EmailIdentity::email).anyMatch(change.from()::equals);
            if (stillOurs && previousStillThere) {
                accounts.makePrimary(change.account(), change.from());
                audit.record(AuditEvent.of(AuditEventType.PRIMARY_CHANGE_UNDONE, clock.instant(), command.origin())
                        .account(change.account()).email(change.from()).reason(Reason.MAIL_UNAVAILABLE));
            }
            undos.delete(token.hash());
            return null;
        });
    }

    private static MakePrimaryResult refusal(Reason why) {
        return switch (why) {
            case UNKNOWN_ACCOUNT -> new MakePrimaryResult.UnknownAccount();
            case ACCOUNT_DISABLED -> new MakePrimaryResult.AccountDisabled();
            case SESSION_ENDED -> new MakePrimaryResult.SessionEnded();
            default -> new MakePrimaryResult.NotFound();
        };
    }
}
