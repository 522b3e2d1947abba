package dev.authbackbone.application.account;

import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.email.InvalidEmailAddressException;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.port.in.account.ManageAccountUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import java.util.random.RandomGenerator;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.session.EndReason;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's account commands: open an account for an address, disable or re-enable one. Each
 * change is recorded in the audit trail with an unknown origin (the command line has no client).
 */
public final class ManageAccountService implements ManageAccountUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sessions sessions;

    public ManageAccountService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
                                AuditTrail audit, Clock clock, RandomGenerator random, Sessions sessions) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public ManageAccountResult open(EmailAddress email) {
        Instant now = clock.instant();
        AccountId id = AccountId.generate(random);
        return unitOfWork.inTransaction(() -> {
            LinkOutcome opened = accounts.open(Account.open(id, now), email, now);
            if (opened instanceof LinkOutcome.HeldByAnotherAccount) {
                return new ManageAccountResult.AddressTaken();
            }
            // The address is verified from now on, exactly as if it had been confirmed.
            tokens.revokeOutstanding(email, id, now);
            audit.record(AuditEvent.of(AuditEventType.ACCOUNT_OPENED, now, RequestOrigin.unknown()).account(id).email(email));
            return new ManageAccountResult.Opened(id, sessions.start(id, now));
        });
    }

    @Override
    public ManageAccountResult setDisabled(String accountIdOrEmail, boolean disabled) {
        return unitOfWork.inTransaction(() -> {
            Optional<Account> account = resolve(accountIdOrEmail);
            if (account.isEmpty()) {
                return new ManageAccountResult.UnknownAccount();
            }
            accounts.setDisabled(account.get().id(), disabled);
            if (disabled) {
                // Enabling later must revive nothing: the sessions end, not pause, and so do the
                // confirmations they asked for (Sessions.endAll).
                sessions.endAll(account.get().id(), EndReason.ACCOUNT_DISABLED, clock.instant());
            }
            audit.record(AuditEvent.of(disabled ? AuditEventType.ACCOUNT_DISABLED : AuditEventType.ACCOUNT_ENABLED,
                    clock.instant(), RequestOrigin.unknown()).account(account.get().id()));
            return new ManageAccountResult.Done(account.get().id());
        });
    }

    private Optional<Account> resolve(String reference) {
        try {
            return accounts.findForUpdate(AccountId.parse(reference));
        } catch (IllegalArgumentException notAnId) {
            try {
                // Locked as by id: the use cases that mail a token read the session again under the
                // account's lock, so the sessions disabling ends must end under it too.
                return accounts.findByEmail(EmailAddress.parse(reference)).flatMap(found -> accounts.findForUpdate(found.id()));
            } catch (InvalidEmailAddressException notAnAddress) {
                return Optional.empty();
            }
        }
    }
}
