package dev.authbackbone.domain.port.in.signing;

import dev.authbackbone.domain.signing.SigningKeyRing;

/** Reads the current signing keys, as every instance re-reads them to follow a rotation. */
public interface ReadSigningKeysUseCase {

    /** Every key tokens may be signed or verified with. */
    SigningKeyRing read();
}
