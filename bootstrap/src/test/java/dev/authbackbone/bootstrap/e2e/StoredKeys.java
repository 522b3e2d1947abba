package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The signing keys as a server stored them, read straight from its database, to craft tokens with. */
final class StoredKeys {

    private StoredKeys() {
    }

    /** The kid of the key that signs now. */
    static String currentKid(FreshDatabase database) {
        return database.text("select kid from signing_key where retired_at is null");
    }

    static long count(FreshDatabase database) {
        return database.count("select count(*) from signing_key");
    }

    static RSAPublicKey publicKey(FreshDatabase database, String kid) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(database.text("select public_key from signing_key where kid = '" + kid + "'"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAPrivateKey privateKey(FreshDatabase database, String kid) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(database.text("select private_key from signing_key where kid = '" + kid + "'"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RS256 with the stored key {@code kid}: what the server itself signs with. */
    static Algorithm algorithm(FreshDatabase database, String kid) {
        return Algorithm.RSA256(publicKey(database, kid), privateKey(database, kid));
    }

    /** A key pair that is not ours. */
    static KeyPair foreign() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
