package dev.authbackbone.application.confirmation;

import dev.authbackbone.application.mail.MailedCodes;
import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.confirmation.ConfirmationRedemption;
import dev.authbackbone.domain.mail.Mail;
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
 * present, together with the address): consumes it atomically, links its address to the account
 * that asked, and revokes every other outstanding token for that address, all in one unit of work,
 * which also records the outcome in the audit trail; then tells the account's primary address of
 * the link. What the token comes to is decided by {@link ConfirmationRedemption}; this service only
 * loads, stores, records and sends.
 */
public final class ConfirmEmailService implements ConfirmEmailUseCase, ConfirmEmailWithCodeUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;
    private final MailedCodes codes;

    public ConfirmEmailService(AccountRepository accounts, EmailTokenRepository tokens, MailedCodes codes,
                               UnitOfWork unitOfWork, AuditTrail audit, Notices notices, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
        this.codes = codes;
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return result(audited(ConfirmationRedemption.invalidToken(), command.origin(), now));
        }
        TokenHash hash = presented.get().hash();
        return told(unitOfWork.inTransaction(() -> {
            tokens.find(hash).flatMap(EmailToken::account).ifPresent(this::lock);
            return audited(redeem(hash, tokens.consume(hash, EmailPurpose.EMAIL_CONFIRMATION, now), now),
                    command.origin(), now);
        }), command.origin());
    }

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailWithCodeCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeCode> presented = OneTimeCode.parse(command.code());
        if (presented.isEmpty()) {
            return result(audited(ConfirmationRedemption.wrongCode(), command.origin(), now));
        }
        return told(unitOfWork.inTransaction(() -> {
            lock(command.account());
            Optional<EmailToken> matched = codes.match(command.email(), EmailPurpose.EMAIL_CONFIRMATION,
                    Optional.of(command.account()), presented.get(), now);
            ConfirmationRedemption outcome = matched
                    .map(token -> redeem(token.hash(), tokens.consumeByCode(token.hash(), now), now))
                    .orElseGet(ConfirmationRedemption::wrongCode);
            return audited(outcome, command.origin(), now);
        }), command.origin());
    }

    /**
     * The account's primary learns that another address can now sign in to it, once the link is
     * committed. The link stands when this mail cannot be sent: the mailbox owner asked for it by
     * confirming, and the trail has it.
     */
    private ConfirmEmailResult told(ConfirmationRedemption outcome, RequestOrigin origin) {
        if (outcome instanceof ConfirmationRedemption.Confirmed confirmed) {
            accounts.primaryOf(confirmed.account())
                    .filter(primary -> !primary.equals(confirmed.email()))
                    .ifPresent(primary -> notices.send(new Mail.AddressLinkedNotice(primary, confirmed.email()),
                            confirmed.account(), origin));
        }
        return result(outcome);
    }

    /**
     * Locks the account that asked, before its token is touched, as a removal or an undo of the
     * same account locks it before revoking that token: in the other order a confirmation that had
     * consumed the token went on to link the address after the removal or undo had committed
     * without it (and on PostgreSQL the two deadlocked).
     */
    private void lock(AccountId account) {
        accounts.findForUpdate(account);
    }

    /** Decides on the token with {@code hash} as its link or code just tried to consume it. */
    private ConfirmationRedemption redeem(TokenHash hash, Optional<EmailToken> consumed, Instant now) {
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

    private ConfirmationRedemption audited(ConfirmationRedemption outcome, RequestOrigin origin, Instant now) {
        audit.record(outcome.auditEvent(now, origin));
        return outcome;
    }

    private static ConfirmEmailResult result(ConfirmationRedemption outcome) {
        return outcome.map(confirmed -> new ConfirmEmailResult.Confirmed(confirmed.email()),
                taken -> new ConfirmEmailResult.AddressTaken(), invalid -> new ConfirmEmailResult.InvalidToken());
    }
}
