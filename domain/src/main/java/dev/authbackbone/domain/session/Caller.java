package dev.authbackbone.domain.session;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.reason.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Who is asking: the account and the session named by a verified access token. */
public record Caller(AccountId account, SessionId session) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
    }

    /**
     * Whether this caller may act at {@code now}, judged over its {@code found} account and its
     * {@code stored} session as read under the account's lock: refused with
     * {@link Reason#SESSION_ENDED} when the session is not live for the account (whatever the
     * account's state, as at the bearer check), else the account's own standing.
     */
    public AccountStanding standing(Optional<Account> found, Optional<Session> stored, Instant now, SessionPolicy policy) {
        if (stored.isEmpty() || !stored.get().isLiveFor(account, now, policy)) {
            return new AccountStanding.Refused(Reason.SESSION_ENDED, found);
        }
        return Account.standingOf(found);
    }
}
