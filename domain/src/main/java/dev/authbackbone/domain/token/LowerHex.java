package dev.authbackbone.domain.token;

/** The check the stored hashes share; a loop rather than a regular expression, since every request builds several. */
final class LowerHex {

    private LowerHex() {
    }

    /** Whether {@code text} is exactly {@code length} characters of {@code 0-9a-f}. */
    static boolean is(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
