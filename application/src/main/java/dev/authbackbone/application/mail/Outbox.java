package dev.authbackbone.application.mail;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailRequest;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.quota.SlidingWindowQuota;
import dev.authbackbone.domain.token.CodeKey;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The mail step every "mail this address" use case shares. Inside the caller's unit of work it
 * counts the quotas and {@link #reserve reserves} a decided mail (its token, its ledger entry and
 * the trail's events); outside it, {@link #send} mails it, and takes the reservation back if the
 * transport fails, so that a 503 leaves no usable token and uses no quota.
 */
public final class Outbox {

    private final EmailRequestLedger ledger;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final MailSender mailSender;
    private final AuditTrail audit;
    private final RandomGenerator random;
    private final Clock clock;
    private final EmailLinkPolicy policy;
    private final SlidingWindowQuota perAddress;
    private final SlidingWindowQuota perAccount;
    private final CodeKey codeKey;

    /** Mails with {@code mailSender}; every mail's code is stored hashed with {@code codeKey}. */
    public Outbox(EmailRequestLedger ledger, EmailTokenRepository tokens, UnitOfWork unitOfWork, MailSender mailSender,
                  AuditTrail audit, RandomGenerator random, Clock clock, EmailLinkPolicy policy, CodeKey codeKey) {
        this.ledger = ledger;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.mailSender = mailSender;
        this.audit = audit;
        this.random = random;
        this.clock = clock;
        this.policy = policy;
        this.perAddress = new SlidingWindowQuota(policy.perAddress());
        this.perAccount = new SlidingWindowQuota(policy.perAccount());
        this.codeKey = Objects.requireNonNull(codeKey, "codeKey");
    }

    /**
     * Inside a unit of work: {@code email} as {@code requester} first gave it, when it has a
     * confirmation of it pending, else as given now. Addresses are compared case-insensitively but
     * mailed and shown as first given, so a second request spelled otherwise changes neither.
     */
    public EmailAddress asFirstGiven(AccountId requester, EmailAddress email, Instant now) {
        return tokens.pendingSpelling(requester, email, now).orElse(email);
    }

    /** Inside a unit of work (with the account locked by the caller): whether one more request of {@code account} fits. */
    public QuotaDecision perAccount(AccountId account, Instant now) {
        return perAccount.decide(ledger.acceptedFromAccountSince(account, perAccount.windowStart(now)), now);
    }

    /**
     * Inside a unit of work: whether one more {@code purpose} mail to {@code email} fits. Locks the
     * address's quota so that concurrent requests on any instance are counted one after the other.
     */
    public QuotaDecision perAddress(EmailAddress email, EmailPurpose purpose, Instant now) {
        ledger.lock(email, purpose);
        return perAddress.decide(ledger.acceptedSince(email, purpose, perAddress.windowStart(now)), now);
    }

    /**
     * Inside a unit of work: stores what {@code decision} needs before its mail goes out. A refusal
     * stores nothing (a quota refusal is recorded in the trail). A link or a notice stores a fresh
     * token (for a notice, a spent placeholder, so the database work is the same) and a ledger entry, and
     * records {@code requested}, the trail's event for this request.
     */
    public Reservation reserve(LinkDecision decision, AuditEvent requested, Instant now) {
        return decision.map(refuse -> refused(refuse, requested, now), send -> reserved(send, requested, now));
    }

    /**
     * Outside any unit of work: sends a reserved mail, or undoes the reservation when the transport
     * is unavailable. A refusal is handed back as it is.
     */
    public Delivery send(Reservation reservation) {
        return reservation.map(refused -> new Delivery.Refused(refused.refusal()), this::deliver);
    }

    private Reservation refused(LinkDecision.Refuse refuse, AuditEvent requested, Instant now) {
        refuse.retryAfter().ifPresent(quota -> audit.record(AuditEvent.of(AuditEventType.RATE_LIMITED, now,
                requested.origin()).account(refuse.requester()).email(refuse.to()).reason(refuse.why())));
        return new Reservation.Refused(refuse);
    }

    private Reservation reserved(LinkDecision.Send send, AuditEvent requested, Instant now) {
        OneTimeToken token = OneTimeToken.generate(random);
        // A notice gets a code too, stored and never mailed: the same work as a link's.
        OneTimeCode code = OneTimeCode.generate(random);
        EmailToken issued = EmailToken.issue(token, code.hashFor(send.to(), codeKey, random), send.purpose(), send.requester(),
                send.to(), now, ttl(send.purpose()));
        tokens.save(send.stored(issued, now));
        EmailRequest request = new EmailRequest(timeOrderedId(now), send.to(), send.purpose(), send.requester(), now);
        ledger.record(request);
        audit.record(requested);
        return new Reservation.Reserved(request, issued, send.mail(token, code, issued.expiresAt()), requested);
    }

    /**
     * The ledger entry's id: the time in milliseconds in the high bits, random below. New entries
     * then land on the last page of the primary-key index instead of a random one, so the embedded
     * database rewrites fewer pages per request. The id is never shown outside the database.
     */
    private UUID timeOrderedId(Instant now) {
        return new UUID((now.toEpochMilli() << 16) | (random.nextInt() & 0xFFFFL), random.nextLong());
    }

    private Delivery deliver(Reservation.Reserved reserved) {
        try {
            mailSender.send(reserved.mail());
        } catch (MailUnavailableException e) {
            unitOfWork.inTransaction(() -> {
                tokens.delete(reserved.token().hash());
                ledger.forget(reserved.request().id());
                audit.record(mailEvent(AuditEventType.MAIL_FAILED, reserved.requested()));
                return null;
            });
            return new Delivery.Unavailable(e.retryAfter());
        }
        try {
            recordSent(reserved);
        } catch (StorageUnavailableException conflict) {
            // The mail is out: a 503 now would tell the person that it is not, with its link live. A
            // lock conflict with a concurrent code check (PostgreSQL chose this unit of work as a
            // deadlock's victim) passes on a second try; an outage does not, and is answered as one.
            recordSent(reserved);
        }
        return new Delivery.Sent(reserved.request().email());
    }

    /**
     * Only once the new mail is out: a code is checked against the newest few mails only, so an older
     * one must not keep a working link; and a request answered 503 changes nothing.
     */
    private void recordSent(Reservation.Reserved reserved) {
        EmailToken sent = reserved.token();
        unitOfWork.inTransaction(() -> {
            tokens.retireUncheckable(sent.email(), sent.purpose(), sent.account(), clock.instant());
            audit.record(mailEvent(AuditEventType.MAIL_SENT, reserved.requested()));
            return null;
        });
    }

    private Duration ttl(EmailPurpose purpose) {
        return purpose == EmailPurpose.SIGN_IN ? policy.signInTtl() : policy.confirmationTtl();
    }

    private AuditEvent mailEvent(AuditEventType type, AuditEvent requested) {
        return new AuditEvent(clock.instant(), type, requested.account(), requested.maskedEmail(), Optional.empty(),
                requested.origin());
    }

    /** What {@link #reserve} stored: nothing, for a refusal, or a mail waiting to be sent. */
    public sealed interface Reservation {

        /** {@code ifRefused} or {@code ifReserved} applied to this reservation, whichever it is. */
        <T> T map(Function<Refused, T> ifRefused, Function<Reserved, T> ifReserved);

        /** Nothing stored; {@code refusal} says why. */
        record Refused(LinkDecision.Refuse refusal) implements Reservation {
            @Override
            public <T> T map(Function<Refused, T> ifRefused, Function<Reserved, T> ifReserved) {
                return ifRefused.apply(this);
            }
        }

        /** Recorded in the ledger with its token, waiting for its mail. */
        record Reserved(EmailRequest request, EmailToken token, Mail mail, AuditEvent requested) implements Reservation {
            public Reserved {
                Objects.requireNonNull(request, "request");
                Objects.requireNonNull(token, "token");
                Objects.requireNonNull(mail, "mail");
                Objects.requireNonNull(requested, "requested");
            }

            @Override
            public <T> T map(Function<Refused, T> ifRefused, Function<Reserved, T> ifReserved) {
                return ifReserved.apply(this);
            }
        }
    }

    /** What came of {@link #send}. */
    public sealed interface Delivery {

        /** The one of {@code ifRefused}, {@code ifSent}, {@code ifUnavailable} that fits, applied: the compiler sees every case. */
        <T> T map(Function<LinkDecision.Refuse, T> ifRefused, Function<EmailAddress, T> ifSent,
                  Function<Duration, T> ifUnavailable);

        /** Nothing was sent; the decision refused. */
        record Refused(LinkDecision.Refuse refusal) implements Delivery {
            @Override
            public <T> T map(Function<LinkDecision.Refuse, T> ifRefused, Function<EmailAddress, T> ifSent,
                             Function<Duration, T> ifUnavailable) {
                return ifRefused.apply(refusal);
            }
        }

        /** The transport accepted the mail to {@code to}. */
        record Sent(EmailAddress to) implements Delivery {
            @Override
            public <T> T map(Function<LinkDecision.Refuse, T> ifRefused, Function<EmailAddress, T> ifSent,
                             Function<Duration, T> ifUnavailable) {
                return ifSent.apply(to);
            }
        }

        /** The transport is unavailable; nothing usable stayed stored and no quota was used. */
        record Unavailable(Duration retryAfter) implements Delivery {
            @Override
            public <T> T map(Function<LinkDecision.Refuse, T> ifRefused, Function<EmailAddress, T> ifSent,
                             Function<Duration, T> ifUnavailable) {
                return ifUnavailable.apply(retryAfter);
            }
        }
    }
}
