package dev.authbackbone.application;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.ConfirmEmailUseCase;
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
 * records the outcome in the audit trail. A token that is spent because another account verified
 * its address meanwhile answers "taken", whether the other account won a race against it or
 * confirmed long before.
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
            audit.record(rejected(now, command).reason("invalid_token"));
            return new ConfirmEmailResult.InvalidToken();
        }
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> consumed = tokens.consume(presented.get().hash(), EmailPurpose.EMAIL_CONFIRMATION, now);
            if (consumed.isEmpty()) {
                if (takenByAnotherAccount(presented.get().hash(), now)) {
                    audit.record(rejected(now, command).reason("address_taken"));
                    return new ConfirmEmailResult.AddressTaken();
                }
                audit.record(rejected(now, command).reason("invalid_token"));
                return new ConfirmEmailResult.InvalidToken();
            }
            EmailToken token = consumed.get();
            Optional<Account> account = token.account().flatMap(accounts::find);
            if (account.isEmpty()) {
                audit.record(rejected(now, command).reason("invalid_token"));
                return new ConfirmEmailResult.InvalidToken();
            }
            if (account.get().isDisabled()) {
                audit.record(rejected(now, command).account(account.get().id()).email(token.email())
                        .reason("account_disabled"));
                return new ConfirmEmailResult.InvalidToken();
            }
            LinkOutcome outcome = accounts.link(account.get().id(), token.email(), now);
            if (outcome instanceof LinkOutcome.HeldByAnotherAccount) {
                audit.record(rejected(now, command).account(account.get().id()).email(token.email())
                        .reason("address_taken"));
                return new ConfirmEmailResult.AddressTaken();
            }
            tokens.revokeOutstanding(token.email(), now);
            audit.record(AuditEvent.of(AuditEventType.EMAIL_CONFIRMED, now, command.origin())
                    .account(account.get().id()).email(token.email()));
            return new ConfirmEmailResult.Confirmed(token.email());
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
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.isUsableAt(now))
                .map(EmailToken::email));
    }

    /**
     * Whether a token that cannot be consumed is an unexpired confirmation, of a usable account,
     * whose address another account now holds: that account's confirmation revoked it. Only the
     * holder of the token (the address's mailbox) learns this, so it is no oracle for anyone else;
     * for its own account's addresses, expired and unknown tokens it stays "invalid".
     */
    private boolean takenByAnotherAccount(TokenHash hash, Instant now) {
        return tokens.find(hash)
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.expiresAt().isAfter(now))
                .filter(this::accountUsable)
                .flatMap(token -> accounts.findByEmail(token.email())
                        .filter(holder -> !token.account().orElseThrow().equals(holder.id())))
                .isPresent();
    }

    private boolean accountUsable(EmailToken token) {
        return token.account().flatMap(accounts::find).map(a -> !a.isDisabled()).orElse(false);
    }

    private static AuditEvent rejected(Instant now, ConfirmEmailCommand command) {
        return AuditEvent.of(AuditEventType.CONFIRMATION_REJECTED, now, command.origin());
    }
}
