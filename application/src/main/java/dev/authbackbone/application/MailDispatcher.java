package dev.authbackbone.application;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
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
 * transport fails, so that a 503 leaves no usable token and uses no quota.
 */
public final class MailDispatcher {

    private final EmailRequestLedger ledger;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final MailSender mailSender;
    private final RandomGenerator random;
    private final SlidingWindowQuota perAddress;
    private final SlidingWindowQuota perAccount;

    public MailDispatcher(EmailRequestLedger ledger, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                   MailSender mailSender, RandomGenerator random, EmailLinkPolicy policy) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.mailSender = mailSender;
        this.random = random;
        this.perAddress = new SlidingWindowQuota(policy.perAddress());
        this.perAccount = new SlidingWindowQuota(policy.perAccount());
    }

    /**
     * Inside a unit of work: how long until this request would fit its quotas, or empty when it
     * fits now. Locks the address's quota (and relies on the caller having locked the account) so
     * that concurrent requests on any instance are counted one after the other.
     */
    Optional<Duration> wouldExceedQuota(Optional<AccountId> account, EmailAddress email, EmailPurpose purpose, Instant now) {
        if (account.isPresent()) {
            QuotaDecision decision = perAccount.decide(
                    ledger.acceptedFromAccountSince(account.get(), perAccount.windowStart(now)), now);
            if (decision instanceof QuotaDecision.Exhausted exhausted) {
                return Optional.of(exhausted.retryAfter());
            }
        }
        ledger.lock(email, purpose);
        QuotaDecision decision = perAddress.decide(ledger.acceptedSince(email, purpose, perAddress.windowStart(now)), now);
        if (decision instanceof QuotaDecision.Exhausted exhausted) {
            return Optional.of(exhausted.retryAfter());
        }
        return Optional.empty();
    }

    /**
     * Inside a unit of work: records the request and a fresh token. When {@code usable} is false
     * the token is stored already spent, and {@code notice} is what gets mailed: the database work
     * is then the same as for a link, so neither timing nor a 503 tells the two cases apart.
     */
    <R> Prepared<R> reserve(Optional<AccountId> account, EmailAddress email, EmailPurpose purpose, Duration ttl,
                            Instant now, BiFunction<OneTimeToken, Instant, Mail> linkMail, Optional<Mail> notice) {
        OneTimeToken token = OneTimeToken.generate(random);
        EmailToken issued = EmailToken.issue(token, purpose, account, email, now, ttl);
        tokens.save(notice.isPresent() ? issued.consumeAt(now).orElseThrow() : issued);
        EmailRequest request = new EmailRequest(new UUID(random.nextLong(), random.nextLong()), email, purpose, account, now);
        ledger.record(request);
        Mail mail = notice.orElseGet(() -> linkMail.apply(token, issued.expiresAt()));
        return new Prepared.Reserved<>(request, issued, mail);
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
            return delivered.get();
        } catch (MailUnavailableException e) {
            unitOfWork.inTransaction(() -> {
                tokens.delete(reserved.token().hash());
                ledger.forget(reserved.request().id());
                return null;
            });
            return unavailable.apply(e.retryAfter());
        }
    }

    /** What a use case's unit of work decided: a refusal to answer with, or a request to mail. */
    sealed interface Prepared<R> {

        /** Nothing to send; answer {@code result}. */
        record Refused<R>(R result) implements Prepared<R> {}

        /** Recorded in the ledger with its token, waiting for its mail. */
        record Reserved<R>(EmailRequest request, EmailToken token, Mail mail) implements Prepared<R> {}
    }
}
