package dev.authbackbone.domain.address;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What presenting an undo link comes to: the previous primary is restored, or the link is invalid. */
public sealed interface UndoDecision {

    /** The trail's record of this outcome. */
    AuditEvent auditEvent(Instant now, RequestOrigin origin);

    /**
     * Decides on an undo link just consumed ({@code consumed}, empty when it was unknown, expired or
     * used), given its account and the account now holding its previous address. The mailbox that
     * received the link proves control of that address, so it is restored even when it was removed
     * meanwhile, unless another account holds it now. A disabled account is restored too: undoing
     * only takes power away from whoever made the change. The address that took the primary's place
     * is removed from the account: whoever made the change with a stolen session would otherwise keep
     * signing in with it, and could undo the owner's recovery with a link of their own.
     */
    static UndoDecision decide(Optional<PrimaryUndo> consumed, Optional<Account> owner, Optional<Account> holder) {
        if (consumed.isEmpty() || owner.isEmpty()) {
            return new Invalid(Reason.INVALID_TOKEN, Optional.empty(), Optional.empty());
        }
        PrimaryUndo undo = consumed.get();
        if (holder.isPresent() && owner.get().isOtherThan(Optional.of(holder.get().id()))) {
            return new Invalid(Reason.ADDRESS_GONE, Optional.of(undo.account()), Optional.of(undo.previous()));
        }
        return new Restore(undo.account(), undo.previous(), holder.isEmpty(),
                undo.replacement().filter(replacement -> !replacement.equals(undo.previous())));
    }

    /** The link restores nothing, for {@code why}; the account and address are named when known. */
    record Invalid(Reason why, Optional<AccountId> account, Optional<EmailAddress> previous) implements UndoDecision {
        public Invalid {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(previous, "previous");
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.PRIMARY_UNDO_REJECTED, now, origin).account(account).email(previous)
                    .reason(why);
        }
    }

    /**
     * {@code previous} becomes the primary of {@code account} again ({@code relink}: it was removed
     * meanwhile and is linked anew), {@code evict} (the address that replaced it) leaves the account
     * if it is still there, every other undo link of the account stops working, and every session of
     * the account ends.
     */
    record Restore(AccountId account, EmailAddress previous, boolean relink, Optional<EmailAddress> evict)
            implements UndoDecision {
        public Restore {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(evict, "evict");
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.PRIMARY_CHANGE_UNDONE, now, origin).account(account).email(previous);
        }
    }
}
