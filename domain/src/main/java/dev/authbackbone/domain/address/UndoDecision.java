package dev.authbackbone.domain.address;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What presenting an undo link comes to: the previous primary is restored, or the link is invalid. */
public sealed interface UndoDecision {

    /** The trail's record of this outcome. */
    AuditEvent auditEvent(Instant now, RequestOrigin origin);

    /**
     * Decides on an undo link presented now ({@code link}, empty when it is unknown, expired or
     * used), given its account, the account now holding its previous address, and the account's
     * verified {@code identities}; it is consumed only if this restores. The mailbox that received
     * the link proves control of that
     * address, so it is restored even when it was removed meanwhile, unless another account holds it
     * now. A disabled account is restored too: undoing only takes power away from whoever made the
     * change. Every other address leaves the account: any of them may be one that whoever made the
     * change with a stolen session put in, and would keep signing in with (removing only the address
     * that took the primary's place left one put in before it); the owner links their own again.
     *
     * <p>The account's other links still {@code usable} are honoured by the order of their changes.
     * This one ends every link issued since the oldest one that restores the same address: those
     * undo later changes, including any whoever held a stolen session made so as to hold a link
     * themselves. Older links stay: they restore an address that was primary before all of that,
     * which is where the owner's is. So a thief who uses their own link first cannot end the
     * owner's, and the owner's, used later, takes the account back.
     *
     * <p>And a link never brings back an address linked to the account after the primary it would
     * replace. Whoever puts in an address with a stolen session links it after every one of the
     * owner's, so a link to it (mailed when the owner's was made primary again) is refused while
     * the owner's is primary: it cannot take the account from an owner who signed out everywhere
     * and removed that address, nor end the owner's newer links. A link to the address that is
     * primary now still evicts the others and ends every session: the owner's way out when the
     * thief made the owner's address primary again themselves. Refused, a link is not spent, so an
     * owner whose address another account holds meanwhile can free it and try again.
     */
    static UndoDecision decide(Optional<PrimaryUndo> link, Optional<Account> owner, Optional<Account> holder,
                               List<EmailIdentity> identities, List<PrimaryUndo> usable) {
        if (link.isEmpty() || owner.isEmpty()) {
            return new Invalid(Reason.INVALID_TOKEN, Optional.empty(), Optional.empty());
        }
        PrimaryUndo undo = link.get();
        if (holder.isPresent() && owner.get().isOtherThan(Optional.of(holder.get().id()))) {
            return new Invalid(Reason.ADDRESS_GONE, Optional.of(undo.account()), Optional.of(undo.previous()));
        }
        Optional<Instant> primarySince = identities.stream().filter(EmailIdentity::primary).map(EmailIdentity::verifiedAt)
                .findFirst();
        if (undo.previousVerifiedAt().isPresent() && primarySince.isPresent()
                && undo.previousVerifiedAt().get().isAfter(primarySince.get())) {
            return new Invalid(Reason.LINKED_AFTER_THE_PRIMARY, Optional.of(undo.account()), Optional.of(undo.previous()));
        }
        List<EmailAddress> others = identities.stream().map(EmailIdentity::email)
                .filter(email -> !email.equals(undo.previous())).toList();
        Instant endLinksSince = usable.stream().filter(other -> other.previous().equals(undo.previous()))
                .map(PrimaryUndo::issuedAt).filter(issued -> issued.isBefore(undo.issuedAt()))
                .min(Instant::compareTo).orElse(undo.issuedAt());
        return new Restore(undo.account(), undo.previous(), holder.isEmpty(), others, endLinksSince);
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
     * meanwhile and is linked anew), every address in {@code evict} (all its others) leaves the
     * account, its pending confirmations and every undo link of it issued since
     * {@code endLinksSince} stop working, and every session of the account ends.
     */
    record Restore(AccountId account, EmailAddress previous, boolean relink, List<EmailAddress> evict,
                   Instant endLinksSince) implements UndoDecision {
        public Restore {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(previous, "previous");
            evict = List.copyOf(evict);
            Objects.requireNonNull(endLinksSince, "endLinksSince");
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.PRIMARY_CHANGE_UNDONE, now, origin).account(account).email(previous);
        }
    }
}
