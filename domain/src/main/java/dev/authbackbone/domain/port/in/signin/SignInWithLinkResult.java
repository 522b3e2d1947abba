package dev.authbackbone.domain.port.in.signin;

import dev.authbackbone.domain.account.AccountId;

/** What came of using a magic-link token. */
public sealed interface SignInWithLinkResult {

    /** The holder is signed in to {@code account}; {@code opened} when this sign-in created it. */
    record SignedIn(AccountId account, boolean opened) implements SignInWithLinkResult {}

    /** Unknown, expired, used, revoked, malformed, or its account is disabled: one outcome. */
    record InvalidToken() implements SignInWithLinkResult {}
}
