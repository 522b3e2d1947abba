package dev.authbackbone.application;

import dev.authbackbone.application.MailDispatcher.Prepared;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.Refusal;
import dev.authbackbone.domain.port.in.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Mails a magic link to any address within its quota: known addresses sign in to their account,
 * unknown ones will open one. A disabled account's address gets a notice through the same steps.
 */
public final class RequestSignInLinkService implements RequestSignInLinkUseCase {

    private final AccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final MailDispatcher dispatcher;
    private final Clock clock;
    private final Duration ttl;

    public RequestSignInLinkService(AccountRepository accounts, UnitOfWork unitOfWork, MailDispatcher dispatcher,
                                    Clock clock, EmailLinkPolicy policy) {
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.ttl = policy.signInTtl();
    }

    @Override
    public RequestSignInLinkResult request(RequestSignInLinkCommand command) {
        Instant now = clock.instant();
        Prepared<RequestSignInLinkResult> prepared = unitOfWork.inTransaction(() -> {
            Optional<Duration> wait = dispatcher.wouldExceedQuota(Optional.empty(), command.email(), EmailPurpose.SIGN_IN,
                    now, command.origin());
            if (wait.isPresent()) {
                return new Prepared.Refused<>(new Refusal.RateLimited(wait.get()));
            }
            Optional<Account> holder = accounts.findByEmail(command.email());
            Optional<Mail> notice = holder
                    .filter(Account::isDisabled)
                    .map(disabled -> new Mail.AccountDisabledNotice(command.email()));
            // The holder sees sign-in requests for its address among its own events; the requester sees nothing.
            AuditEvent requested = AuditEvent.of(AuditEventType.SIGN_IN_LINK_REQUESTED, now, command.origin())
                    .account(holder.map(Account::id)).email(command.email());
            return dispatcher.reserve(Optional.empty(), command.email(), EmailPurpose.SIGN_IN, ttl, now,
                    (token, expiresAt) -> new Mail.SignInLink(command.email(), token, expiresAt), notice, requested);
        });
        return dispatcher.complete(prepared, Refusal.MailUnavailable::new, RequestSignInLinkResult.Accepted::new);
    }
}
