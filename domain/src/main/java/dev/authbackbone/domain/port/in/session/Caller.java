package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.SessionId;
import java.util.Objects;

/** Who is asking: the account and the session named by a verified access token. */
public record Caller(AccountId account, SessionId session) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
    }
}
