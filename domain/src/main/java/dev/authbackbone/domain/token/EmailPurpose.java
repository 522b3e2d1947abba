package dev.authbackbone.domain.token;

/**
 * Why a mail was sent to an address. It separates tokens (a sign-in token cannot confirm a link)
 * and it names the per-address quota bucket a request counts against.
 */
public enum EmailPurpose {
    /** Linking an address to a signed-in account (both request endpoints share this bucket). */
    EMAIL_CONFIRMATION,
    /** Signing in with a magic link. */
    SIGN_IN
}
