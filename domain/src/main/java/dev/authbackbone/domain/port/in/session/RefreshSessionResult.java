package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of presenting a refresh token. */
public sealed interface RefreshSessionResult {

    /** Spent; {@code next} carries the session id and the new refresh token for {@code account}. */
    record Rotated(AccountId account, StartedSession next) implements RefreshSessionResult {}

    /** A spent token came again: it was copied, and the whole session has been ended. */
    record Reused() implements RefreshSessionResult {}

    /** Unknown, malformed, or its session ended or expired (or its account is disabled). */
    record Invalid() implements RefreshSessionResult {}
}
