package dev.authbackbone.application.confirmation;

import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.confirmation.ConfirmationRedemption;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Uses a confirmation token: consumes it atomically, links its address to the account that asked,
 * and revokes every other outstanding token for that address, all in one unit of work, which also
 * records the outcome in the audit trail. What the token comes to is decided by
 * {@link ConfirmationRedemption}; this service only loads, stores and records.
 */
public final class ConfirmEmailService implements ConfirmEmailUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;

    public ConfirmEmailService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                               AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return recorded(ConfirmationRedemption.invalidToken(), command, now);
        }
        return unitOfWork.inTransaction(() -> recorded(redeem(presented.get().hash(), now), command, now));
    }

    @Override
    public Optional<EmailAddress> pendingAddress(ConfirmEmailCommand command) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> tokens.find(presented.get().hash())
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.isUsableAt(now))
                .map(EmailToken::email));
    }

    private ConfirmationRedemption redeem(TokenHash hash, Instant now) {
        Optional<EmailToken> consumed = tokens.consume(hash, EmailPurpose.EMAIL_CONFIRMATION, now);
        if (consumed.isEmpty()) {
            Optional<EmailToken> stored = tokens.find(hash);
            return ConfirmationRedemption.ofUnconsumable(stored, stored.flatMap(EmailToken::account).flatMap(accounts::find),
                    stored.flatMap(token -> accounts.findByEmail(token.email())), now);
        }
        return ConfirmationRedemption.ofConsumed(consumed.get(), consumed.get().account().flatMap(accounts::find))
                .map(confirmed -> linked(confirmed, now), taken -> taken, invalid -> invalid);
    }

    private ConfirmationRedemption linked(ConfirmationRedemption.Confirmed confirmed, Instant now) {
        if (accounts.link(confirmed.account(), confirmed.email(), now) instanceof LinkOutcome.HeldByAnotherAccount) {
            return confirmed.taken();
        }
        tokens.revokeOutstanding(confirmed.email(), confirmed.account(), now);
        return confirmed;
    }

    private ConfirmEmailResult recorded(ConfirmationRedemption outcome, ConfirmEmailCommand command, Instant now) {
        audit.record(outcome.auditEvent(now, command.origin()));
        return outcome.map(confirmed -> new ConfirmEmailResult.Confirmed(confirmed.email()),
                taken -> new ConfirmEmailResult.AddressTaken(), invalid -> new ConfirmEmailResult.InvalidToken());
    }
}
