package dev.authbackbone.domain.port.in.signing;

/** What a rotation did. */
public sealed interface RotateSigningKeyResult {

    /** One method per outcome: a caller maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T rotated(Rotated outcome);
        T notDue(NotDue outcome);
        T rotatedElsewhere(RotatedElsewhere outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** The key that signs new tokens after this call, whatever it did. */
    String kid();

    /** A new key signs from now on. */
    record Rotated(String kid, long generation) implements RotateSigningKeyResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rotated(this);
        }
    }

    /** The schedule found the current key young enough. */
    record NotDue(String kid) implements RotateSigningKeyResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.notDue(this);
        }
    }

    /** Another instance rotated at the same moment; its key signs, and nothing more was added. */
    record RotatedElsewhere(String kid) implements RotateSigningKeyResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rotatedElsewhere(this);
        }
    }
}
