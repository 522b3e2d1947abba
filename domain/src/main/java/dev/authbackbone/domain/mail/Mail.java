package dev.authbackbone.domain.mail;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A mail to one address. Only link mails carry a token, and with it a code for typing instead; a
 * notice never carries a usable link or a code.
 */
public sealed interface Mail {

    /** Who receives it. */
    EmailAddress recipient();

    /**
     * A link, and its {@code code}, that confirm {@code recipient} as an identity of the account that
     * asked, which the mail names by its primary address ({@code requester}, shown masked) so that
     * nobody confirms blindly.
     */
    record ConfirmationLink(EmailAddress recipient, OneTimeToken token, OneTimeCode code, Instant expiresAt,
                            EmailAddress requester) implements Mail {
        public ConfirmationLink {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(requester, "requester");
        }
    }

    /** A magic link, and its {@code code}, that sign the holder of {@code recipient} in. */
    record SignInLink(EmailAddress recipient, OneTimeToken token, OneTimeCode code, Instant expiresAt) implements Mail {
        public SignInLink {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(expiresAt, "expiresAt");
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
    }

    /**
     * Someone asked to sign in as {@code recipient}, whose account an operator has disabled: sent
     * instead of a link, with the same work and answer as any other sign-in request.
     */
    record AccountDisabledNotice(EmailAddress recipient) implements Mail {
        public AccountDisabledNotice {
            Objects.requireNonNull(recipient, "recipient");
        }
    }

    /**
     * {@code recipient} is no longer the primary address of its account, {@code newPrimary} is: the
     * mail carries the undo link ({@code token}) that restores it and ends every session.
     */
    record PrimaryChangedNotice(EmailAddress recipient, EmailAddress newPrimary, OneTimeToken token, Instant expiresAt)
            implements Mail {
        public PrimaryChangedNotice {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(newPrimary, "newPrimary");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }

    /** {@code removed} was removed from the account whose primary is {@code recipient}. */
    record AddressRemovedNotice(EmailAddress recipient, EmailAddress removed) implements Mail {
        public AddressRemovedNotice {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(removed, "removed");
        }
    }

    /** {@code linked} was confirmed and can now sign in to the account whose primary is {@code recipient}. */
    record AddressLinkedNotice(EmailAddress recipient, EmailAddress linked) implements Mail {
        public AddressLinkedNotice {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(linked, "linked");
        }
    }
}
