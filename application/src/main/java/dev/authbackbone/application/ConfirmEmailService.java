package dev.authbackbone.application;

import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.port.in.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Uses a confirmation token: consumes it atomically, links its address to the account that asked,
 * and revokes every other outstanding token for that address, all in one unit of work.
 */
public final class ConfirmEmailService implements ConfirmEmailUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public ConfirmEmailService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return new ConfirmEmailResult.InvalidToken();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> consumed = tokens.consume(presented.get().hash(), EmailPurpose.EMAIL_CONFIRMATION, now);
            if (consumed.isEmpty()) {
                return new ConfirmEmailResult.InvalidToken();
            }
            EmailToken token = consumed.get();
            boolean accountUsable = token.account().flatMap(accounts::find).map(a -> !a.isDisabled()).orElse(false);
            if (!accountUsable) {
                return new ConfirmEmailResult.InvalidToken();
            }
            LinkOutcome outcome = accounts.link(token.account().orElseThrow(), token.email(), now);
            if (outcome instanceof LinkOutcome.HeldByAnotherAccount) {
                return new ConfirmEmailResult.AddressTaken();
            }
            tokens.revokeOutstanding(token.email(), now);
            return new ConfirmEmailResult.Confirmed(token.email());
        });
    }
}
