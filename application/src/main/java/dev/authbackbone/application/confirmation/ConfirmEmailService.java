package dev.authbackbone.application.confirmation;

import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.confirmation.ConfirmationRedemption;
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
 * records the outcome in the audit trail; then tells the account's primary address of the link. What the token comes to is decided by
 * {@link ConfirmationRedemption}; this service only loads, stores and records.
 */
public final class ConfirmEmailService implements ConfirmEmailUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;

    public ConfirmEmailService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                               AuditTrail audit, Notices notices, Clock clock) {
        this.notices = notices;
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
        ConfirmationRedemption outcome = unitOfWork.inTransaction(() -> {
            ConfirmationRedemption redeemed = redeem(presented.get().hash(), now);
            audit.record(redeemed.auditEvent(now, command.origin()));
            return redeemed;
        });
        if (outcome instanceof ConfirmationRedemption.Confirmed confirmed) {
            tellPrimary(confirmed, command);
        }
        return result(outcome);
    }

    /**
     * The account's primary learns that another address can now sign in to it. The link stands when
     * this mail cannot be sent: the mailbox owner asked for it by confirming, and the trail has it.
     */
    private void tellPrimary(ConfirmationRedemption.Confirmed confirmed, ConfirmEmailCommand command) {
        accounts.identitiesOf(confirmed.account()).stream().filter(EmailIdentity::primary)
                .filter(primary -> !primary.email().equals(confirmed.email()))
                .findFirst()
                .ifPresent(primary -> notices.send(new Mail.AddressLinkedNotice(primary.email(), confirmed.email()),
                        confirmed.account(), command.origin()));
    }

    private ConfirmationRedemption redeem(TokenHash hash, Instant now) {
        Optional<EmailToken> consumed = tokens.consume(hash, EmailPurpose.EMAIL_CONFIRMATION, now);
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

    private ConfirmEmailResult recorded(ConfirmationRedemption outcome, ConfirmEmailCommand command, Instant now) {
        audit.record(outcome.auditEvent(now, command.origin()));
        return result(outcome);
    }

    private static ConfirmEmailResult result(ConfirmationRedemption outcome) {
        if (outcome instanceof ConfirmationRedemption.Confirmed confirmed) {
            return new ConfirmEmailResult.Confirmed(confirmed.email());
        }
        if (outcome instanceof ConfirmationRedemption.Taken) {
            return new ConfirmEmailResult.AddressTaken();
        }
        return new ConfirmEmailResult.InvalidToken();
    }
}
