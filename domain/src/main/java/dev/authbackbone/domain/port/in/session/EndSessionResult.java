package dev.authbackbone.domain.port.in.session;

/** What came of ending one session. */
public sealed interface EndSessionResult {

    /** It was live and is ended now. */
    record Ended() implements EndSessionResult {}

    /** Unknown, malformed, ended already, or another account's: one outcome, so no oracle. */
    record NotFound() implements EndSessionResult {}
}
