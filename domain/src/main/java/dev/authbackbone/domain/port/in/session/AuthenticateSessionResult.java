package dev.authbackbone.domain.port.in.session;

/** What the per-request session check found. */
public sealed interface AuthenticateSessionResult {

    /** The session is live and belongs to the caller's account. */
    record Live() implements AuthenticateSessionResult {}

    /** Unknown, ended, expired, or another account's: the token must be refused. */
    record NotLive() implements AuthenticateSessionResult {}
}
