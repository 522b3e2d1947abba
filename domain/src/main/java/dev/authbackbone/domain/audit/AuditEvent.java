package dev.authbackbone.domain.audit;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail. It never holds a whole address, only its masked form
 * ({@link EmailAddress#masked()}), and never a token: the trail is shown to the account it
 * concerns and read by operators, and must be safe for both.
 *
 * @param occurredAt  when it happened
 * @param type        what happened
 * @param account     the account concerned, when one is known
 * @param maskedEmail the address concerned, masked, when one is known
 * @param reason      why, for refusals and a few other events: an {@link Reason#code()}
 * @param origin      where the request came from
 */
public record AuditEvent(Instant occurredAt, AuditEventType type, Optional<AccountId> account,
                         Optional<String> maskedEmail, Optional<String> reason, RequestOrigin origin) {

    private static final String MASK = "***@";

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(maskedEmail, "maskedEmail");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(origin, "origin");
        maskedEmail.ifPresent(email -> {
            // A whole address here would be a leak that no later layer can take back.
            if (!email.contains(MASK) || email.indexOf(MASK) != 1 || email.length() > EmailAddress.MAX_LENGTH) {
                throw new IllegalArgumentException("maskedEmail: expected a masked address such as j***@example.com");
            }
        });
        // Only the codes of the one reason vocabulary are stored, so no free text reaches the trail.
        reason.ifPresent(Reason::fromCode);
    }

    /** An event of {@code type} at {@code occurredAt}, with no account, address or reason yet. */
    public static AuditEvent of(AuditEventType type, Instant occurredAt, RequestOrigin origin) {
        return new AuditEvent(occurredAt, type, Optional.empty(), Optional.empty(), Optional.empty(), origin);
    }

    /** This event, concerning {@code account}. */
    public AuditEvent account(AccountId account) {
        return new AuditEvent(occurredAt, type, Optional.of(account), maskedEmail, reason, origin);
    }

    /** This event, concerning {@code account} when present. */
    public AuditEvent account(Optional<AccountId> account) {
        return new AuditEvent(occurredAt, type, account, maskedEmail, reason, origin);
    }

    /** This event, concerning {@code email} (kept masked). */
    public AuditEvent email(EmailAddress email) {
        return new AuditEvent(occurredAt, type, account, Optional.of(email.masked()), reason, origin);
    }

    /** This event, concerning {@code email} when present (kept masked). */
    public AuditEvent email(Optional<EmailAddress> email) {
        return new AuditEvent(occurredAt, type, account, email.map(EmailAddress::masked), reason, origin);
    }

    /** This event, with {@code reason}. */
    public AuditEvent reason(Reason reason) {
        return new AuditEvent(occurredAt, type, account, maskedEmail, Optional.of(reason.code()), origin);
    }
}
