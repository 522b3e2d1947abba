package dev.authbackbone.domain.mail;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.Objects;

/** A mail to one address. Only link mails carry a token; a notice never carries a usable link. */
public sealed interface Mail {

    /** Who receives it. */
    EmailAddress recipient();

    /** What was asked for: the same for a link and for the notice sent in its place. */
    EmailPurpose purpose();

    /** A link that confirms {@code recipient} as an identity of the account that asked. */
    record ConfirmationLink(EmailAddress recipient, OneTimeToken token, Instant expiresAt) implements Mail {
        public ConfirmationLink {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public EmailPurpose purpose() {
            return EmailPurpose.EMAIL_CONFIRMATION;
        }
    }

    /** A magic link that signs the holder of {@code recipient} in. */
    record SignInLink(EmailAddress recipient, OneTimeToken token, Instant expiresAt) implements Mail {
        public SignInLink {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public EmailPurpose purpose() {
            return EmailPurpose.SIGN_IN;
        }
    }

    /**
     * Someone asked to link {@code recipient}, which is already verified on an account: sent
     * instead of a link, so that the requester learns nothing and the owner learns of the attempt.
     */
    record AlreadyLinkedNotice(EmailAddress recipient) implements Mail {
        public AlreadyLinkedNotice {
            Objects.requireNonNull(recipient, "recipient");
        }

        @Override
        public EmailPurpose purpose() {
            return EmailPurpose.EMAIL_CONFIRMATION;
        }
    }

    /**
     * Someone asked to sign in as {@code recipient}, whose account an operator has disabled: sent
     * instead of a link, with the same work and answer as any other sign-in request.
     */
    record AccountDisabledNotice(EmailAddress recipient) implements Mail {
        public AccountDisabledNotice {
            Objects.requireNonNull(recipient, "recipient");
        }

        @Override
        public EmailPurpose purpose() {
            return EmailPurpose.SIGN_IN;
        }
    }
}
