package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.AccountId;

/** A signed-in account looks at its own recent security events (addresses masked). */
public interface ViewAccountEventsUseCase {

    /** How many events a view shows at most. */
    int MOST_RECENT = 50;

    /** The account's {@value #MOST_RECENT} most recent events, newest first, or why there are none to show. */
    ViewAccountEventsResult events(AccountId account);
}
