package dev.authbackbone.domain.signin;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What presenting a magic-link token comes to: a sign-in to the account holding its address, the
 * opening of an account for it, or a rejection for one {@link Reason}. Each outcome is also
 * the audit event that records it.
 */
public sealed interface SignInRedemption {

    /** The trail's record of this outcome. */
    AuditEvent auditEvent(Instant now, RequestOrigin origin);

    /** The one of {@code ifSignedIn}, {@code ifOpened}, {@code ifRejected} that fits, applied: the compiler sees every case. */
    <T> T map(Function<SignedIn, T> ifSignedIn, Function<Opened, T> ifOpened, Function<Rejected, T> ifRejected);

    /** The holder signs in to {@code account}, which holds {@code email}. */
    record SignedIn(AccountId account, EmailAddress email) implements SignInRedemption {
        public SignedIn {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <T> T map(Function<SignedIn, T> ifSignedIn, Function<Opened, T> ifOpened, Function<Rejected, T> ifRejected) {
            return ifSignedIn.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.SIGNED_IN, now, origin).account(account).email(email);
        }
    }

    /**
     * No account holds {@code email}: open {@code account} with it as the verified primary address
     * (storing it can still find that a concurrent first sign-in opened one: {@link #afterRace}).
     */
    record Opened(AccountId account, EmailAddress email) implements SignInRedemption {
        public Opened {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <T> T map(Function<SignedIn, T> ifSignedIn, Function<Opened, T> ifOpened, Function<Rejected, T> ifRejected) {
            return ifOpened.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.SIGNED_IN, now, origin).account(account).email(email)
                    .reason(Reason.ACCOUNT_OPENED);
        }
    }

    /** The token signs no one in, for {@code why}; the account and address are named when known. */
    record Rejected(Reason why, Optional<AccountId> account, Optional<EmailAddress> email) implements SignInRedemption {
        @Override
        public <T> T map(Function<SignedIn, T> ifSignedIn, Function<Opened, T> ifOpened, Function<Rejected, T> ifRejected) {
            return ifRejected.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.SIGN_IN_REJECTED, now, origin).account(account).email(email).reason(why);
        }
    }

    /** A token that is malformed, unknown, expired or used: one outcome, so that the answer is no oracle. */
    static Rejected invalidToken() {
        return new Rejected(Reason.INVALID_TOKEN, Optional.empty(), Optional.empty());
    }

    /** A typed code that matched no mail of its address that could still be checked: the answer of an invalid token. */
    static Rejected wrongCode() {
        return new Rejected(Reason.INVALID_CODE, Optional.empty(), Optional.empty());
    }

    /**
     * Decides on a token as consumed (empty when it could not be), given the account holding its
     * address; {@code freshId} names the account to open when none does (present exactly then).
     */
    static SignInRedemption ofConsumed(Optional<EmailToken> consumed, Optional<Account> holder, Optional<AccountId> freshId) {
        if (consumed.isEmpty()) {
            return invalidToken();
        }
        EmailAddress email = consumed.get().email();
        return holder.map(account -> signInTo(account, email)).orElseGet(() -> new Opened(freshId.orElseThrow(), email));
    }

    /** Decides again after a concurrent first sign-in opened the account for {@code email} first. */
    static SignInRedemption afterRace(Optional<Account> winner, EmailAddress email) {
        return winner.map(account -> signInTo(account, email)).orElseGet(SignInRedemption::invalidToken);
    }

    private static SignInRedemption signInTo(Account account, EmailAddress email) {
        if (account.standing() instanceof AccountStanding.Refused refused) {
            return new Rejected(refused.why(), Optional.of(account.id()), Optional.of(email));
        }
        return new SignedIn(account.id(), email);
    }
}
