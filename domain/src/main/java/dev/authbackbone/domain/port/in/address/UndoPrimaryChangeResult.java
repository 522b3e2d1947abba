package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** What came of using an undo link. */
public sealed interface UndoPrimaryChangeResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T undone(Undone outcome);
        T invalidToken(InvalidToken outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** {@code primary} is the account's primary again; every session of the account ended. */
    record Undone(EmailAddress primary) implements UndoPrimaryChangeResult {
        public Undone {
            Objects.requireNonNull(primary, "primary");
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.undone(this);
        }
    }

    /** Unknown, expired, used, malformed, or the address is another account's now: one outcome. */
    record InvalidToken() implements UndoPrimaryChangeResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.invalidToken(this);
        }
    }
}
