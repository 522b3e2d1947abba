package dev.authbackbone.domain.port.in.session;

/** What the per-request session check found. */
public sealed interface AuthenticateSessionResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T live(Live outcome);
        T notLive(NotLive outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** The session is live and belongs to the caller's account. */
    record Live() implements AuthenticateSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.live(this);
        }
    }

    /** Unknown, ended, expired, or another account's: the token must be refused. */
    record NotLive() implements AuthenticateSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.notLive(this);
        }
    }
}
