package dev.authbackbone.domain.port.in.signing;

/** Replaces the access-token signing key by a new one, keeping the old public key published while its tokens live. */
public interface RotateSigningKeyUseCase {

    /** Rotates now ({@link Trigger#OPERATOR}), or only when no key exists or the current one is due ({@link Trigger#SCHEDULE}). */
    RotateSigningKeyResult rotate(Trigger trigger);

    /** Who asks for the rotation. */
    enum Trigger { OPERATOR, SCHEDULE }
}
