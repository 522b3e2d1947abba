package dev.authbackbone.application.confirmation;

import dev.authbackbone.application.mail.Outbox;
import dev.authbackbone.application.mail.Outbox.Reservation;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.confirmation.ConfirmationRequest;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Clock;
import java.time.Instant;

/**
 * Mails a confirmation link for an address a signed-in account wants to link. An address already
 * verified anywhere gets a notice instead, through the same steps, so nothing tells them apart.
 * The caller's session is checked again under the account's lock, after the bearer check.
 */
public final class RequestEmailConfirmationService implements RequestEmailConfirmationUseCase {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final Clock clock;

    public RequestEmailConfirmationService(AccountRepository accounts, Sessions sessions,
                                           UnitOfWork unitOfWork, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public RequestEmailConfirmationResult request(RequestEmailConfirmationCommand command) {
        Instant now = clock.instant();
        Reservation reservation = unitOfWork.inTransaction(() -> {
            AccountStanding requester = sessions.standing(command.caller(), accounts.findForUpdate(command.account()), now);
            EmailAddress email = outbox.asFirstGiven(command.account(), command.email(), now);
            LinkDecision decision = ConfirmationRequest.decide(command.account(), requester, accounts.primaryOf(command.account()),
                    accounts.holderOf(email),
                    outbox.perAccount(command.account(), now),
                    outbox.perAddress(email, EmailPurpose.EMAIL_CONFIRMATION, now), email);
            return outbox.reserve(decision, AuditEvent.of(AuditEventType.CONFIRMATION_REQUESTED, now, command.origin())
                    .account(command.account()).email(email), now);
        });
        return outbox.send(reservation).map(RequestEmailConfirmationService::refused,
                sent -> new RequestEmailConfirmationResult.Accepted(), RequestEmailConfirmationResult.MailUnavailable::new);
    }

    private static RequestEmailConfirmationResult refused(LinkDecision.Refuse refusal) {
        return switch (refusal.why()) {
            case UNKNOWN_ACCOUNT -> new RequestEmailConfirmationResult.UnknownAccount();
            case ACCOUNT_DISABLED -> new RequestEmailConfirmationResult.AccountDisabled();
            case SESSION_ENDED -> new RequestEmailConfirmationResult.SessionEnded();
            case PER_ACCOUNT, PER_ADDRESS -> new RequestEmailConfirmationResult.RateLimited(refusal.retryAfter().orElseThrow());
            // The decision gives no other reason; a new one must be given an outcome here first.
            default -> throw new IllegalStateException("a link refused for " + refusal.why() + ", which no outcome names");
        };
    }
}
