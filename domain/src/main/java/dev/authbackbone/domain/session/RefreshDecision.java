package dev.authbackbone.domain.session;

/** What to do with a presented refresh token, decided by {@link Session#decideRefresh}. */
public sealed interface RefreshDecision {

    /** Spend it and issue the next one. */
    record Rotate() implements RefreshDecision {}

    /** It was spent already, so it was copied: end the whole session. */
    record Reused() implements RefreshDecision {}

    /** The session ended or its token is not the live one: refuse, change nothing. */
    record Invalid() implements RefreshDecision {}

    /** The session outlived a lifetime: end it and refuse. */
    record Expired() implements RefreshDecision {}
}
