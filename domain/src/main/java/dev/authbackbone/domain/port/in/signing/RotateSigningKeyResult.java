package dev.authbackbone.domain.port.in.signing;

/** What a rotation did. */
public sealed interface RotateSigningKeyResult {

    /** The key that signs new tokens after this call, whatever it did. */
    String kid();

    /** A new key signs from now on. */
    record Rotated(String kid, long generation) implements RotateSigningKeyResult {}

    /** The schedule found the current key young enough. */
    record NotDue(String kid) implements RotateSigningKeyResult {}

    /** Another instance rotated at the same moment; its key signs, and nothing more was added. */
    record RotatedElsewhere(String kid) implements RotateSigningKeyResult {}
}
