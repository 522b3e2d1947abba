package dev.authbackbone.bootstrap;

import dev.authbackbone.application.signing.RsaSigningKeys;
import dev.authbackbone.domain.signing.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * Reads the operator's signing key from {@code AUTH_JWT_PRIVATE_KEY_FILE}: an RSA private key as
 * PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl genpkey} writes). Every
 * failure is one line naming the variable; the file's content never appears in it.
 */
final class PrivateKeyFile {

    private static final String VARIABLE = "AUTH_JWT_PRIVATE_KEY_FILE";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PrivateKeyFile() {
    }

    /**
     * The signing key in {@code file} as of {@code now}: readable PKCS#8 PEM, RSA and at least
     * {@value RsaSigningKeys#KEY_BITS} bits, or one line naming the variable.
     */
    static SigningKey signingKey(Path file, Instant now) {
        try {
            return RsaSigningKeys.of(read(file), now);
        } catch (IllegalArgumentException tooShort) {
            // Its message names the size given and the size expected apart.
            throw new ConfigurationException(VARIABLE + ": cannot use \"" + file + "\", " + tooShort.getMessage());
        }
    }

    static RSAPrivateCrtKey read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            throw ConfigurationException.invalid(VARIABLE, file.toString(), "a readable PKCS#8 PEM file");
        }
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw ConfigurationException.invalid(VARIABLE, file.toString(),
                    "a PKCS#8 PEM file (-----BEGIN PRIVATE KEY-----), e.g. from openssl genpkey -algorithm RSA");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            if (key instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Falls through: the reason may quote key bytes.
        }
        throw ConfigurationException.invalid(VARIABLE, file.toString(), "an RSA private key of at least 2048 bits in PKCS#8 PEM");
    }
}
