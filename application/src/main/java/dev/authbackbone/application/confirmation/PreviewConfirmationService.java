package dev.authbackbone.application.confirmation;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationUseCase;
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
 * Tells the page a confirmation link opens what confirming would do: which address, and which
 * account asked (by its primary, masked), so that nobody links an address to a stranger's account
 * blindly. Reads only; the token stays usable and nothing is recorded.
 */
public final class PreviewConfirmationService implements PreviewConfirmationUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public PreviewConfirmationService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                                      Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public PreviewConfirmationResult preview(PreviewConfirmationCommand command) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return new PreviewConfirmationResult.Unusable();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> tokens.find(presented.get().hash())
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.isRedeemableAt(now))
                .flatMap(this::pending)
                .orElseGet(PreviewConfirmationResult.Unusable::new));
    }

    private Optional<PreviewConfirmationResult> pending(EmailToken token) {
        return token.account()
                .filter(id -> Account.standingOf(accounts.find(id)) instanceof AccountStanding.MayAct)
                .flatMap(accounts::primaryOf)
                .map(primary -> new PreviewConfirmationResult.Pending(token.email(), primary.masked()));
    }
}
