package dev.authbackbone.application;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.port.in.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import java.util.random.RandomGenerator;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Uses a magic-link token: signs in to the account holding its address, or opens one with that
 * address as its verified primary on the first sign-in (which revokes other tokens for it).
 */
public final class SignInWithLinkService implements SignInWithLinkUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RandomGenerator random;

    public SignInWithLinkService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                                 Clock clock, RandomGenerator random) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public SignInWithLinkResult signIn(SignInWithLinkCommand command) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return new SignInWithLinkResult.InvalidToken();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> consumed = tokens.consume(presented.get().hash(), EmailPurpose.SIGN_IN, now);
            if (consumed.isEmpty()) {
                return new SignInWithLinkResult.InvalidToken();
            }
            EmailToken token = consumed.get();
            Optional<Account> holder = accounts.findByEmail(token.email());
            if (holder.isPresent()) {
                return signedInTo(holder.get());
            }
            AccountId id = AccountId.generate(random);
            LinkOutcome opened = accounts.open(Account.open(id, now), token.email(), now);
            if (opened instanceof LinkOutcome.HeldByAnotherAccount) {
                // A concurrent first sign-in for the same address opened the account a moment ago.
                return accounts.findByEmail(token.email()).map(this::signedInTo)
                        .orElseGet(SignInWithLinkResult.InvalidToken::new);
            }
            tokens.revokeOutstanding(token.email(), now);
            return new SignInWithLinkResult.SignedIn(id, true);
        });
    }

    private SignInWithLinkResult signedInTo(Account account) {
        return account.isDisabled()
                ? new SignInWithLinkResult.InvalidToken()
                : new SignInWithLinkResult.SignedIn(account.id(), false);
    }
}
