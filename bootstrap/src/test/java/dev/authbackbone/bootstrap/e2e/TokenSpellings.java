package dev.authbackbone.bootstrap.e2e;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Other texts for one token, as an attacker writes them to slip past a deny-list keyed on the token
 * text: base64url keeps the last character's low bits unused when the bytes do not fill it (4 bits
 * for an RS256 signature, 2 for HS256), and lenient decoders also take padding.
 */
final class TokenSpellings {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private TokenSpellings() {
    }

    /** Every text whose signature segment decodes to the same bytes as {@code token}'s, {@code token} itself included. */
    static List<String> sameSignatureBytes(String token) {
        int dot = token.lastIndexOf('.');
        String signature = token.substring(dot + 1);
        int unusedBits = signature.length() * 6 - Base64.getUrlDecoder().decode(signature).length * 8;
        int mask = (1 << unusedBits) - 1;
        int last = ALPHABET.indexOf(signature.charAt(signature.length() - 1));
        List<String> spellings = new ArrayList<>();
        for (int bits = 0; bits <= mask; bits++) {
            spellings.add(token.substring(0, token.length() - 1) + ALPHABET.charAt((last & ~mask) | bits));
        }
        return spellings;
    }

    /** {@code token} with its signature padded to a multiple of four characters, as standard base64 would write it. */
    static String paddedSignature(String token) {
        int length = token.length() - token.lastIndexOf('.') - 1;
        return token + "=".repeat((4 - length % 4) % 4);
    }
}
