package dev.authbackbone.domain.mail;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a request to mail an address decided: refuse it, mail a link, or mail a notice instead of
 * a link. A notice costs the same storage work as a link (a token stored as a spent placeholder, a
 * ledger entry), so that neither timing nor a 503 tells the two apart, and the placeholder lists the
 * address as pending for the requester just as a link's token does. Every decision names the account
 * that asked ({@code requester}, empty for a sign-in request), whose quota it counts against.
 */
public sealed interface LinkDecision {

    /** What the mail is for. */
    EmailPurpose purpose();

    /** The account that asked, when one did. */
    Optional<AccountId> requester();

    /** {@code ifRefused} or {@code ifSent} applied to this decision, whichever it is: the compiler sees every case. */
    <T> T map(Function<Refuse, T> ifRefused, Function<Send, T> ifSent);

    /** Mail something to {@code to}: a {@link SendLink} or a {@link SendNotice}. */
    sealed interface Send extends LinkDecision {

        /** The address asked for, as the request wrote it: what the token, the ledger and the requester see. */
        EmailAddress to();

        /**
         * Where the mail goes: {@link #to} as it was first given, when an account holds it already
         * (an address is compared case-insensitively, but mailed as its owner wrote it).
         */
        EmailAddress deliverTo();

        /** The mail to send, for the fresh {@code token} and {@code code} stored for this request. */
        Mail mail(OneTimeToken token, OneTimeCode code, Instant expiresAt);

        /** The token as it is stored: usable for a link, a spent placeholder for a notice. */
        EmailToken stored(EmailToken issued, Instant now);

        @Override
        default <T> T map(Function<Refuse, T> ifRefused, Function<Send, T> ifSent) {
            return ifSent.apply(this);
        }
    }

    /**
     * Nothing is mailed. {@code retryAfter} is present when a quota refused ({@link Reason#PER_ACCOUNT},
     * {@link Reason#PER_ADDRESS}); {@code to} is the address asked for, when one was chosen.
     */
    record Refuse(Reason why, Optional<Duration> retryAfter, EmailPurpose purpose, Optional<AccountId> requester,
                  Optional<EmailAddress> to) implements LinkDecision {
        public Refuse {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(to, "to");
        }

        @Override
        public <T> T map(Function<Refuse, T> ifRefused, Function<Send, T> ifSent) {
            return ifRefused.apply(this);
        }
    }

    /**
     * Mail a usable link for {@code to}, to {@code deliverTo}. A confirmation names the account that
     * asked by its primary address ({@code requesterPrimary}); a sign-in has none.
     */
    record SendLink(EmailPurpose purpose, Optional<AccountId> requester, EmailAddress to, EmailAddress deliverTo,
                    Optional<EmailAddress> requesterPrimary) implements Send {
        public SendLink {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(deliverTo, "deliverTo");
            Objects.requireNonNull(requesterPrimary, "requesterPrimary");
            if (!deliverTo.equals(to)) {
                throw new IllegalArgumentException("deliverTo: another spelling of to, not another address");
            }
            if (purpose == EmailPurpose.EMAIL_CONFIRMATION && requesterPrimary.isEmpty()) {
                throw new IllegalArgumentException("requesterPrimary: a confirmation names the account that asked");
            }
        }

        /** A link to an address no account holds yet, mailed as the request wrote it. */
        public SendLink(EmailPurpose purpose, Optional<AccountId> requester, EmailAddress to, Optional<EmailAddress> requesterPrimary) {
            this(purpose, requester, to, to, requesterPrimary);
        }

        /** A link that names no requester: a sign-in link. */
        public SendLink(EmailPurpose purpose, Optional<AccountId> requester, EmailAddress to) {
            this(purpose, requester, to, Optional.empty());
        }

        /** The link mail carrying {@code token} and {@code code}. */
        @Override
        public Mail mail(OneTimeToken token, OneTimeCode code, Instant expiresAt) {
            return switch (purpose) {
                case EMAIL_CONFIRMATION -> new Mail.ConfirmationLink(deliverTo, token, code, expiresAt, requesterPrimary.orElseThrow());
                case SIGN_IN -> new Mail.SignInLink(deliverTo, token, code, expiresAt);
            };
        }

        @Override
        public EmailToken stored(EmailToken issued, Instant now) {
            return issued;
        }
    }

    /** Mail a notice, never a usable link, to {@code deliverTo}: the spelling of {@code to} its holder gave. */
    record SendNotice(EmailPurpose purpose, Optional<AccountId> requester, EmailAddress to, EmailAddress deliverTo)
            implements Send {
        public SendNotice {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(requester, "requester");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(deliverTo, "deliverTo");
            if (!deliverTo.equals(to)) {
                throw new IllegalArgumentException("deliverTo: another spelling of to, not another address");
            }
        }

        /**
         * The notice, which never carries {@code token} or {@code code}: "already linked" for a
         * confirmation, "account disabled" for a sign-in.
         */
        @Override
        public Mail mail(OneTimeToken token, OneTimeCode code, Instant expiresAt) {
            return switch (purpose) {
                case EMAIL_CONFIRMATION -> new Mail.AlreadyLinkedNotice(deliverTo);
                case SIGN_IN -> new Mail.AccountDisabledNotice(deliverTo);
            };
        }

        /**
         * A placeholder: spent from the start (code included), so nothing can redeem it, yet listed as
         * pending, so the requester sees what a link's request leaves, at the same storage cost.
         */
        @Override
        public EmailToken stored(EmailToken issued, Instant now) {
            return issued.asPlaceholderAt(now);
        }
    }
}
