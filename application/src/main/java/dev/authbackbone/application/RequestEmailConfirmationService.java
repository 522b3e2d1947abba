package dev.authbackbone.application;

import dev.authbackbone.application.MailDispatcher.Prepared;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.Refusal;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Mails a confirmation link for an address a signed-in account wants to link. An address already
 * verified anywhere gets a notice instead, through the same steps, so nothing tells them apart.
 */
public final class RequestEmailConfirmationService implements RequestEmailConfirmationUseCase {

    private final AccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final MailDispatcher dispatcher;
    private final Clock clock;
    private final Duration ttl;

    public RequestEmailConfirmationService(AccountRepository accounts, UnitOfWork unitOfWork, MailDispatcher dispatcher,
                                    Clock clock, EmailLinkPolicy policy) {
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.ttl = policy.confirmationTtl();
    }

    @Override
    public RequestEmailConfirmationResult request(RequestEmailConfirmationCommand command) {
        Instant now = clock.instant();
        Prepared<RequestEmailConfirmationResult> prepared = unitOfWork.inTransaction(() -> {
            Optional<Account> account = accounts.findForUpdate(command.account());
            if (account.isEmpty()) {
                return new Prepared.Refused<>(new Refusal.UnknownAccount());
            }
            if (account.get().isDisabled()) {
                return new Prepared.Refused<>(new Refusal.AccountDisabled());
            }
            Optional<Duration> wait = dispatcher.wouldExceedQuota(
                    Optional.of(command.account()), command.email(), EmailPurpose.EMAIL_CONFIRMATION, now, command.origin());
            if (wait.isPresent()) {
                return new Prepared.Refused<>(new Refusal.RateLimited(wait.get()));
            }
            Optional<Mail> notice = accounts.findByEmail(command.email())
                    .map(holder -> new Mail.AlreadyLinkedNotice(command.email()));
            return dispatcher.reserve(Optional.of(command.account()), command.email(), EmailPurpose.EMAIL_CONFIRMATION,
                    ttl, now, (token, expiresAt) -> new Mail.ConfirmationLink(command.email(), token, expiresAt), notice,
                    AuditEvent.of(AuditEventType.CONFIRMATION_REQUESTED, now, command.origin())
                            .account(command.account()).email(command.email()));
        });
        return dispatcher.complete(prepared, Refusal.MailUnavailable::new, RequestEmailConfirmationResult.Accepted::new);
    }
}
