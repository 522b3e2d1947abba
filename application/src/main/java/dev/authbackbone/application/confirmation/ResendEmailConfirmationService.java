package dev.authbackbone.application.confirmation;

import dev.authbackbone.application.mail.Outbox;
import dev.authbackbone.application.mail.Outbox.Reservation;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.confirmation.ConfirmationRequest;
import dev.authbackbone.domain.confirmation.ConfirmationRequest.ResendTarget;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mails a fresh confirmation link for one of the caller's pending addresses, counted against the
 * same quotas as a first request. Earlier links stay valid until they expire or one is used. The
 * caller's session is checked again under the account's lock, after the bearer check.
 */
public final class ResendEmailConfirmationService implements ResendEmailConfirmationUseCase {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final Clock clock;

    public ResendEmailConfirmationService(AccountRepository accounts, Sessions sessions,
                                          EmailTokenRepository tokens, UnitOfWork unitOfWork, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public ResendEmailConfirmationResult resend(ResendEmailConfirmationCommand command) {
        Instant now = clock.instant();
        AccountId id = command.account();
        Reservation reservation = unitOfWork.inTransaction(() -> {
            AccountStanding requester = sessions.standing(command.caller(), accounts.findForUpdate(id), now);
            List<EmailIdentity> identities = accounts.identitiesOf(id);
            ResendTarget target = ConfirmationRequest.resendTarget(requester, identities,
                    tokens.pendingConfirmations(id, now), command.email());
            return target.map(refused -> outbox.reserve(refused.refusal(id), requested(command, Optional.empty(), now), now),
                    address -> outbox.reserve(ConfirmationRequest.decide(id, requester, EmailIdentity.primaryAmong(identities),
                                    accounts.holderOf(address.email()),
                                    outbox.perAccount(id, now),
                                    outbox.perAddress(address.email(), EmailPurpose.EMAIL_CONFIRMATION, now), address.email()),
                            requested(command, Optional.of(address.email()), now), now));
        });
        return outbox.send(reservation).map(ResendEmailConfirmationService::refused,
                ResendEmailConfirmationResult.Sent::new, ResendEmailConfirmationResult.MailUnavailable::new);
    }

    private static AuditEvent requested(ResendEmailConfirmationCommand command, Optional<EmailAddress> to, Instant now) {
        return AuditEvent.of(AuditEventType.CONFIRMATION_REQUESTED, now, command.origin())
                .account(command.account()).email(to).reason(Reason.RESEND);
    }

    private static ResendEmailConfirmationResult refused(LinkDecision.Refuse refusal) {
        return switch (refusal.why()) {
            case UNKNOWN_ACCOUNT -> new ResendEmailConfirmationResult.UnknownAccount();
            case ACCOUNT_DISABLED -> new ResendEmailConfirmationResult.AccountDisabled();
            case SESSION_ENDED -> new ResendEmailConfirmationResult.SessionEnded();
            case ALREADY_CONFIRMED -> new ResendEmailConfirmationResult.AlreadyConfirmed(refusal.to().orElseThrow());
            case NO_PENDING_CONFIRMATION -> new ResendEmailConfirmationResult.NoPendingConfirmation();
            case PER_ACCOUNT, PER_ADDRESS -> new ResendEmailConfirmationResult.RateLimited(refusal.retryAfter().orElseThrow());
            // The decision gives no other reason; a new one must be given an outcome here first.
            default -> throw new IllegalStateException("a link refused for " + refusal.why() + ", which no outcome names");
        };
    }
}
