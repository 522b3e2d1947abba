/**
 * Signing keys for access tokens: a key pair with its {@code kid}, its place in the rotation order,
 * and when it was retired; {@link dev.authbackbone.domain.signing.SigningKeyRing} decides which key
 * signs, which public keys are still published, and when a rotation is due. Pure values, no I/O;
 * any layer may depend on this package.
 */
package dev.authbackbone.domain.signing;
