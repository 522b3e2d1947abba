package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.AccountId;

/** A signed-in account looks at itself: its verified and pending addresses. */
public interface ViewAccountUseCase {

    /** The account's view, or why there is none. */
    ViewAccountResult view(AccountId account);
}
