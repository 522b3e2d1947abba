package dev.authbackbone.domain.port.in.signin;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of using a magic-link token. */
public sealed interface SignInWithLinkResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T signedIn(SignedIn outcome);
        T invalidToken(InvalidToken outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /**
     * The holder is signed in to {@code account}; {@code opened} when this sign-in created it;
     * {@code session} is the session it started, with its first refresh token.
     */
    record SignedIn(AccountId account, boolean opened, StartedSession session) implements SignInWithLinkResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.signedIn(this);
        }
    }

    /** Unknown, expired, used, revoked, malformed, or its account is disabled: one outcome. */
    record InvalidToken() implements SignInWithLinkResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.invalidToken(this);
        }
    }
}
