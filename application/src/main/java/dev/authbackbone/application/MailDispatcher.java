package dev.authbackbone.application;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailRequest;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import java.util.random.RandomGenerator;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.quota.SlidingWindowQuota;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The part every "mail this address" use case shares: count the quotas, record the request and
 * its token in the caller's unit of work, then send outside it and take both back if the
 * transport fails, so that a 503 leaves no usable token and uses no quota. It records the
 * trail's rate-limit and mail events; the request event is the caller's, handed to {@link #reserve}.
 */
public final class MailDispatcher {

    private final EmailRequestLedger ledger;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final MailSender mailSender;
    private final AuditTrail audit;
    private final RandomGenerator random;
    private final Clock clock;
    private final SlidingWindowQuota perAddress;
    private final SlidingWindowQuota perAccount;

    public MailDispatcher(EmailRequestLedger ledger, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                          MailSender mailSender, AuditTrail audit, RandomGenerator random, Clock clock,
                          EmailLinkPolicy policy) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.mailSender = mailSender;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
        this.perAddress = new SlidingWindowQuota(policy.perAddress());
        this.perAccount = new SlidingWindowQuota(policy.perAccount());
    }

    /**
     * Inside a unit of work: how long until this request would fit its quotas, or empty when it
     * fits now. Locks the address's quota (and relies on the caller having locked the account) so
     * that concurrent requests on any instance are counted one after the other. A refusal is
     * recorded in the trail, in the caller's unit of work.
     */
    Optional<Duration> wouldExceedQuota(Optional<AccountId> account, EmailAddress email, EmailPurpose purpose,
                                        Instant now, RequestOrigin origin) {
        if (account.isPresent()) {
            QuotaDecision decision = perAccount.decide(
                    ledger.acceptedFromAccountSince(account.get(), perAccount.windowStart(now)), now);
            if (decision instanceof QuotaDecision.Exhausted exhausted) {
                return refused(account, email, now, origin, "per_account", exhausted);
            }
        }
        ledger.lock(email, purpose);
        QuotaDecision decision = perAddress.decide(ledger.acceptedSince(email, purpose, perAddress.windowStart(now)), now);
        if (decision instanceof QuotaDecision.Exhausted exhausted) {
            return refused(account, email, now, origin, "per_address", exhausted);
        }
        return Optional.empty();
    }

    private Optional<Duration> refused(Optional<AccountId> account, EmailAddress email, Instant now, RequestOrigin origin,
                                       String limit, QuotaDecision.Exhausted exhausted) {
        audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, now, origin).account(account).email(email).reason(limit));
        return Optional.of(exhausted.retryAfter());
    }

    /**
     * Inside a unit of work: records the request and a fresh token. When {@code usable} is false
     * the token is stored already spent, and {@code notice} is what gets mailed: the database work
     * is then the same as for a link, so neither timing nor a 503 tells the two cases apart.
     * {@code requested} is the trail's event for this request, recorded here; the mail events that
     * follow it concern the same account and address.
     */
    <R> Prepared<R> reserve(Optional<AccountId> account, EmailAddress email, EmailPurpose purpose, Duration ttl,
                            Instant now, BiFunction<OneTimeToken, Instant, Mail> linkMail, Optional<Mail> notice,
                            AuditEvent requested) {
        OneTimeToken token = OneTimeToken.generate(random);
        EmailToken issued = EmailToken.issue(token, purpose, account, email, now, ttl);
        tokens.save(notice.isPresent() ? issued.consumeAt(now).orElseThrow() : issued);
        EmailRequest request = new EmailRequest(new UUID(random.nextLong(), random.nextLong()), email, purpose, account, now);
        ledger.record(request);
        audit.record(requested);
        Mail mail = notice.orElseGet(() -> linkMail.apply(token, issued.expiresAt()));
        return new Prepared.Reserved<>(request, issued, mail, requested);
    }

    /**
     * Outside any unit of work: a refusal as it is; otherwise sends the reserved mail and answers
     * {@code delivered}, or undoes the reservation and answers {@code unavailable} with when to retry.
     */
    <R> R complete(Prepared<R> prepared, Function<Duration, R> unavailable, Supplier<R> delivered) {
        if (prepared instanceof Prepared.Refused<R> refused) {
            return refused.result();
        }
        Prepared.Reserved<R> reserved = (Prepared.Reserved<R>) prepared;
        try {
            mailSender.send(reserved.mail());
        } catch (MailUnavailableException e) {
            unitOfWork.inTransaction(() -> {
                tokens.delete(reserved.token().hash());
                ledger.forget(reserved.request().id());
                audit.record(mailEvent(AuditEventType.MAIL_FAILED, reserved));
                return null;
            });
            return unavailable.apply(e.retryAfter());
        }
        audit.record(mailEvent(AuditEventType.MAIL_SENT, reserved));
        return delivered.get();
    }

    private AuditEvent mailEvent(AuditEventType type, Prepared.Reserved<?> reserved) {
        AuditEvent requested = reserved.requested();
        return new AuditEvent(clock.instant(), type, requested.account(), requested.maskedEmail(), Optional.empty(),
                requested.origin());
    }

    /** What a use case's unit of work decided: a refusal to answer with, or a request to mail. */
    sealed interface Prepared<R> {

        /** Nothing to send; answer {@code result}. */
        record Refused<R>(R result) implements Prepared<R> {}

        /** Recorded in the ledger with its token, waiting for its mail. */
        record Reserved<R>(EmailRequest request, EmailToken token, Mail mail, AuditEvent requested) implements Prepared<R> {}
    }
}
