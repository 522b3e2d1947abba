package dev.authbackbone.adapter.in.http.token;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.SessionId;
import java.util.Objects;

/** What a valid access token says: the account ({@code sub}) and the session ({@code sid}). */
public record VerifiedAccessToken(AccountId account, SessionId session) {

    public VerifiedAccessToken {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
    }
}
