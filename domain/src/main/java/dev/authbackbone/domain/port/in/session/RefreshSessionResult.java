package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of presenting a refresh token. */
public sealed interface RefreshSessionResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T rotated(Rotated outcome);
        T reused(Reused outcome);
        T invalid(Invalid outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** Spent; {@code next} carries the session id and the new refresh token for {@code account}. */
    record Rotated(AccountId account, StartedSession next) implements RefreshSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rotated(this);
        }
    }

    /** A spent token came again: it was copied, and the whole session has been ended. */
    record Reused() implements RefreshSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.reused(this);
        }
    }

    /** Unknown, malformed, or its session ended or expired (or its account is disabled). */
    record Invalid() implements RefreshSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.invalid(this);
        }
    }
}
