package dev.authbackbone.domain.session;

import dev.authbackbone.domain.account.AccountId;
import java.util.Objects;

/** Who is asking: the account and the session named by a verified access token. */
public record Caller(AccountId account, SessionId session) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
    }
}
