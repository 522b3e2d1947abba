package dev.authbackbone.domain.port.in.signin;

import java.time.Duration;

/** What came of a magic-link request; {@link Accepted} is the same for every address. */
public sealed interface RequestSignInLinkResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T accepted(Accepted outcome);
        T rateLimited(RateLimited outcome);
        T mailUnavailable(MailUnavailable outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestSignInLinkResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accepted(this);
        }
    }

    /** The address's quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements RequestSignInLinkResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rateLimited(this);
        }
    }

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements RequestSignInLinkResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.mailUnavailable(this);
        }
    }
}
