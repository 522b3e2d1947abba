package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of using a magic-link token. */
public sealed interface SignInWithLinkResult {

    /**
     * The holder is signed in to {@code account}; {@code opened} when this sign-in created it;
     * {@code session} is the session it started, with its first refresh token.
     */
    record SignedIn(AccountId account, boolean opened, StartedSession session) implements SignInWithLinkResult {}

    /** Unknown, expired, used, revoked, malformed, or its account is disabled: one outcome. */
    record InvalidToken() implements SignInWithLinkResult {}
}
