package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** What a confirmation link would do if confirmed now. */
public sealed interface PreviewConfirmationResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T pending(Pending outcome);
        T unusable(Unusable outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /**
     * Confirming would let the account whose primary is {@code requesterMaskedPrimary} (masked, such
     * as {@code a***@example.com}) sign in with {@code address}.
     */
    record Pending(EmailAddress address, String requesterMaskedPrimary) implements PreviewConfirmationResult {
        public Pending {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(requesterMaskedPrimary, "requesterMaskedPrimary");
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.pending(this);
        }
    }

    /** Unknown, expired, used, malformed, or its account cannot act: the page names nothing. */
    record Unusable() implements PreviewConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unusable(this);
        }
    }
}
