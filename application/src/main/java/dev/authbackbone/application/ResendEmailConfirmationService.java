package dev.authbackbone.application;

import dev.authbackbone.application.MailDispatcher.Prepared;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.Refusal;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mails a fresh confirmation link for one of the caller's pending addresses, counted against the
 * same quotas as a first request. Earlier links stay valid until they expire or one is used.
 */
public final class ResendEmailConfirmationService implements ResendEmailConfirmationUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final MailDispatcher dispatcher;
    private final Clock clock;
    private final Duration ttl;

    public ResendEmailConfirmationService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                                   MailDispatcher dispatcher, Clock clock, EmailLinkPolicy policy) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.ttl = policy.confirmationTtl();
    }

    @Override
    public ResendEmailConfirmationResult resend(ResendEmailConfirmationCommand command) {
        Instant now = clock.instant();
        Prepared<ResendEmailConfirmationResult> prepared = unitOfWork.inTransaction(() -> {
            Optional<Account> account = accounts.findForUpdate(command.account());
            if (account.isEmpty()) {
                return new Prepared.Refused<>(new Refusal.UnknownAccount());
            }
            if (account.get().isDisabled()) {
                return new Prepared.Refused<>(new Refusal.AccountDisabled());
            }
            Optional<EmailAddress> named = command.email();
            if (named.isPresent() && isVerifiedOn(command, named.get())) {
                return new Prepared.Refused<>(new ResendEmailConfirmationResult.AlreadyConfirmed(named.get()));
            }
            List<EmailToken> pending = tokens.pendingConfirmations(command.account(), now);
            Optional<EmailAddress> target = pending.stream()
                    .map(EmailToken::email)
                    .filter(email -> named.map(email::equals).orElse(true))
                    .findFirst();
            if (target.isEmpty()) {
                return new Prepared.Refused<>(new ResendEmailConfirmationResult.NoPendingConfirmation());
            }
            EmailAddress email = target.get();
            Optional<Duration> wait = dispatcher.wouldExceedQuota(
                    Optional.of(command.account()), email, EmailPurpose.EMAIL_CONFIRMATION, now, command.origin());
            if (wait.isPresent()) {
                return new Prepared.Refused<>(new Refusal.RateLimited(wait.get()));
            }
            Optional<Mail> notice = accounts.findByEmail(email).map(holder -> new Mail.AlreadyLinkedNotice(email));
            return dispatcher.<ResendEmailConfirmationResult>reserve(Optional.of(command.account()), email,
                    EmailPurpose.EMAIL_CONFIRMATION, ttl, now,
                    (token, expiresAt) -> new Mail.ConfirmationLink(email, token, expiresAt), notice,
                    AuditEvent.of(AuditEventType.CONFIRMATION_REQUESTED, now, command.origin())
                            .account(command.account()).email(email).reason("resend"));
        });
        return dispatcher.complete(prepared, Refusal.MailUnavailable::new, () -> sentTo(prepared));
    }

    private boolean isVerifiedOn(ResendEmailConfirmationCommand command, EmailAddress email) {
        return accounts.identitiesOf(command.account()).stream().anyMatch(identity -> identity.email().equals(email));
    }

    private static ResendEmailConfirmationResult sentTo(Prepared<ResendEmailConfirmationResult> prepared) {
        return new ResendEmailConfirmationResult.Sent(((Prepared.Reserved<?>) prepared).token().email());
    }
}
