package dev.authbackbone.application.address;

import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.address.RemovalDecision;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.address.RemoveAddressCommand;
import dev.authbackbone.domain.port.in.address.RemoveAddressResult;
import dev.authbackbone.domain.port.in.address.RemoveAddressUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.reason.Reason;
import java.time.Clock;
import java.time.Instant;

/**
 * Removes a verified or pending address of the caller (never its primary): a verified identity is
 * deleted, so the address is free to be linked again by any account; a pending address's
 * confirmation links stop working. The primary is then told. The removal stands when that notice
 * cannot be sent: it is the account's own, visible act (in {@code /me} and in the trail), and
 * taking it back could not revive the links it killed.
 */
public final class RemoveAddressService implements RemoveAddressUseCase {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;

    public RemoveAddressService(AccountRepository accounts, Sessions sessions, EmailTokenRepository tokens,
                                UnitOfWork unitOfWork, AuditTrail audit, Notices notices, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public RemoveAddressResult remove(RemoveAddressCommand command) {
        Instant now = clock.instant();
        RemovalDecision decision = unitOfWork.inTransaction(() -> {
            RemovalDecision decided = RemovalDecision.decide(command.account(),
                    sessions.standing(command.caller(), accounts.findForUpdate(command.account()), now),
                    accounts.identitiesOf(command.account()), tokens.pendingConfirmations(command.account(), now),
                    command.email());
            if (decided instanceof RemovalDecision.Refuse refused) {
                audit.record(refused.auditEvent(now, command.origin()));
            } else if (decided instanceof RemovalDecision.Remove removal) {
                if (removal.pending()) {
                    tokens.revokePendingConfirmations(removal.account(), removal.email(), now);
                } else {
                    accounts.unlink(removal.account(), removal.email());
                }
                audit.record(removal.auditEvent(now, command.origin()));
            }
            return decided;
        });
        if (decision instanceof RemovalDecision.Remove removal) {
            notices.send(new Mail.AddressRemovedNotice(removal.primary(), removal.email()), removal.account(),
                    command.origin());
            return new RemoveAddressResult.Removed(removal.email());
        }
        return refusal(((RemovalDecision.Refuse) decision).why());
    }

    private static RemoveAddressResult refusal(Reason why) {
        return switch (why) {
            case UNKNOWN_ACCOUNT -> new RemoveAddressResult.UnknownAccount();
            case ACCOUNT_DISABLED -> new RemoveAddressResult.AccountDisabled();
            case SESSION_ENDED -> new RemoveAddressResult.SessionEnded();
            case PRIMARY_ADDRESS -> new RemoveAddressResult.IsPrimary();
            default -> new RemoveAddressResult.NotFound();
        };
    }
}
