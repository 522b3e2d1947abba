package dev.authbackbone.domain.port.in.session;

/** What came of ending one session. */
public sealed interface EndSessionResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T ended(Ended outcome);
        T notFound(NotFound outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** It was live and is ended now. */
    record Ended() implements EndSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.ended(this);
        }
    }

    /** Unknown, malformed, ended already, or another account's: one outcome, so no oracle. */
    record NotFound() implements EndSessionResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.notFound(this);
        }
    }
}
