package dev.authbackbone.adapter.in.http;

/**
 * The logger security events are written to, one line each, by this adapter (refused access
 * tokens, the per-IP limit) and by the composition root (every audit event); operators can route
 * it on its own. Lines never hold a token, a secret, a header or a whole address.
 */
final class SecurityLog {

    /** The logger's name. */
    static final String NAME = "auth-backbone.security";

    private SecurityLog() {}
}
