package dev.authbackbone.application.account;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;

/** Shows an account its own most recent audit events, under the same rules as viewing the account. */
public final class ViewAccountEventsService implements ViewAccountEventsUseCase {

    private final AccountRepository accounts;
    private final AuditTrail audit;

    public ViewAccountEventsService(AccountRepository accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @Override
    public ViewAccountEventsResult events(AccountId id) {
        return Account.standingOf(accounts.find(id)).map(
                account -> new ViewAccountEventsResult.Found(audit.recentFor(id, MOST_RECENT)),
                refused -> refused.isUnknown() ? new ViewAccountEventsResult.UnknownAccount()
                        : new ViewAccountEventsResult.AccountDisabled());
    }
}
