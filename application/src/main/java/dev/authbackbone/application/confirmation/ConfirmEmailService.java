package dev.authbackbone.application.confirmation;

import dev.authbackbone.application.mail.MailedCodes;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.confirmation.ConfirmationRedemption;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Uses a confirmation token, or the code mailed with it (which only the account that asked may
 * present, together with the address): consumes it atomically, links its address to the account that asked,
 * and revokes every other outstanding token for that address, all in one unit of work, which also
 * records the outcome in the audit trail. What the token comes to is decided by
 * {@link ConfirmationRedemption}; this service only loads, stores and records.
 */
public final class ConfirmEmailService implements ConfirmEmailUseCase, ConfirmEmailWithCodeUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;
    private final MailedCodes codes;

    public ConfirmEmailService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                               AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.codes = new MailedCodes(tokens);
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return recorded(ConfirmationRedemption.invalidToken(), command.origin(), now);
        }
        TokenHash hash = presented.get().hash();
        return unitOfWork.inTransaction(() -> recorded(
                redeem(hash, tokens.consume(hash, EmailPurpose.EMAIL_CONFIRMATION, now), now), command.origin(), now));
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailWithCodeCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeCode> presented = OneTimeCode.parse(command.code());
        if (presented.isEmpty()) {
            return recorded(ConfirmationRedemption.wrongCode(), command.origin(), now);
        }
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> matched = codes.match(command.email(), EmailPurpose.EMAIL_CONFIRMATION,
                    Optional.of(command.account()), presented.get(), now);
            ConfirmationRedemption outcome = matched
                    .map(token -> redeem(token.hash(), tokens.consumeByCode(token.hash(), now), now))
                    .orElseGet(ConfirmationRedemption::wrongCode);
            return recorded(outcome, command.origin(), now);
        });
    }

    @Override
    public Optional<EmailAddress> pendingAddress(ConfirmEmailCommand command) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> tokens.find(presented.get().hash())
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.isRedeemableAt(now))
                .map(EmailToken::email));
    }

    /** Decides on the token with {@code hash} as its link or code just tried to consume it. */
    private ConfirmationRedemption redeem(TokenHash hash, Optional<EmailToken> consumed, Instant now) {
        if (consumed.isEmpty()) {
            Optional<EmailToken> stored = tokens.find(hash);
            return ConfirmationRedemption.ofUnconsumable(stored, stored.flatMap(EmailToken::account).flatMap(accounts::find),
                    stored.flatMap(token -> accounts.findByEmail(token.email())), now);
        }
        ConfirmationRedemption decided = ConfirmationRedemption.ofConsumed(consumed.get(),
                consumed.get().account().flatMap(accounts::find));
        if (decided instanceof ConfirmationRedemption.Confirmed confirmed) {
            if (accounts.link(confirmed.account(), confirmed.email(), now) instanceof LinkOutcome.HeldByAnotherAccount) {
                return confirmed.taken();
            }
            tokens.revokeOutstanding(confirmed.email(), now);
        }
        return decided;
    }

    private ConfirmEmailResult recorded(ConfirmationRedemption outcome, RequestOrigin origin, Instant now) {
        audit.record(outcome.auditEvent(now, origin));
        if (outcome instanceof ConfirmationRedemption.Confirmed confirmed) {
            return new ConfirmEmailResult.Confirmed(confirmed.email());
        }
        if (outcome instanceof ConfirmationRedemption.Taken) {
            return new ConfirmEmailResult.AddressTaken();
        }
        return new ConfirmEmailResult.InvalidToken();
    }
}
