package dev.authbackbone.application.account;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.account.ViewAccountUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shows an account its verified addresses and its pending confirmations (one per address). */
public final class ViewAccountService implements ViewAccountUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final Clock clock;

    public ViewAccountService(AccountRepository accounts, EmailTokenRepository tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public ViewAccountResult view(AccountId id) {
        return Account.standingOf(accounts.find(id)).map(this::found,
                refused -> refused.isUnknown() ? new ViewAccountResult.UnknownAccount() : new ViewAccountResult.AccountDisabled());
    }

    private ViewAccountResult found(Account account) {
        List<EmailIdentity> verified = accounts.identitiesOf(account.id());
        Set<EmailAddress> shown = verified.stream().map(EmailIdentity::email).collect(Collectors.toCollection(HashSet::new));
        // Newest first, so the one kept per address is the latest request.
        List<EmailToken> pending = tokens.pendingConfirmations(account.id(), clock.instant()).stream()
                .filter(token -> shown.add(token.email()))
                .toList();
        return new ViewAccountResult.Found(account, verified, pending);
    }
}
