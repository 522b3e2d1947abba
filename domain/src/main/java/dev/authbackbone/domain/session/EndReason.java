package dev.authbackbone.domain.session;

/** Why a session ended; stored with it, so an operator can tell a sign-out from a theft. */
public enum EndReason {
    /** The holder signed out of this session. */
    SIGNED_OUT,
    /** The holder signed out everywhere, or ended this session from another one. */
    ENDED_BY_ACCOUNT,
    /** A spent refresh token of this session was presented again: it was copied. */
    REFRESH_TOKEN_REUSED,
    /** An operator disabled the account. */
    ACCOUNT_DISABLED
}
