package dev.authbackbone.application;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.in.Refusal;
import dev.authbackbone.domain.port.in.ViewAccountEventsResult;
import dev.authbackbone.domain.port.in.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import java.util.Optional;

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
        Optional<Account> account = accounts.find(id);
        if (account.isEmpty()) {
            return new Refusal.UnknownAccount();
        }
        if (account.get().isDisabled()) {
            return new Refusal.AccountDisabled();
        }
        return new ViewAccountEventsResult.Found(audit.recentFor(id, MOST_RECENT));
    }
}
