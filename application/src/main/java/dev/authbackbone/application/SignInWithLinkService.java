package dev.authbackbone.application;

import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
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
 * address as its verified primary on the first sign-in (which revokes other tokens for it). The
 * outcome is recorded in the audit trail, and a successful sign-in starts a session, in the same
 * unit of work.
 */
public final class SignInWithLinkService implements SignInWithLinkUseCase {

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sessions sessions;

    public SignInWithLinkService(AccountRepository accounts, EmailTokenRepository tokens, UnitOfWork unitOfWork,
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
    public SignInWithLinkResult signIn(SignInWithLinkCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            audit.record(event(AuditEventType.SIGN_IN_REJECTED, now, command).reason("invalid_token"));
            return new SignInWithLinkResult.InvalidToken();
        }
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> consumed = tokens.consume(presented.get().hash(), EmailPurpose.SIGN_IN, now);
            if (consumed.isEmpty()) {
                audit.record(event(AuditEventType.SIGN_IN_REJECTED, now, command).reason("invalid_token"));
                return new SignInWithLinkResult.InvalidToken();
            }
            EmailToken token = consumed.get();
            Optional<Account> holder = accounts.findByEmail(token.email());
            if (holder.isPresent()) {
                return signedInTo(holder.get(), token.email(), now, command);
            }
            AccountId id = AccountId.generate(random);
            LinkOutcome opened = accounts.open(Account.open(id, now), token.email(), now);
            if (opened instanceof LinkOutcome.HeldByAnotherAccount) {
                // A concurrent first sign-in for the same address opened the account a moment ago.
                Optional<Account> winner = accounts.findByEmail(token.email());
                if (winner.isEmpty()) {
                    audit.record(event(AuditEventType.SIGN_IN_REJECTED, now, command).reason("invalid_token"));
                    return new SignInWithLinkResult.InvalidToken();
                }
                return signedInTo(winner.get(), token.email(), now, command);
            }
            tokens.revokeOutstanding(token.email(), now);
            audit.record(event(AuditEventType.SIGNED_IN, now, command).account(id).email(token.email())
                    .reason("account_opened"));
            return new SignInWithLinkResult.SignedIn(id, true, sessions.start(id, now));
        });
    }

    private SignInWithLinkResult signedInTo(Account account, EmailAddress email, Instant now, SignInWithLinkCommand command) {
        if (account.isDisabled()) {
            audit.record(event(AuditEventType.SIGN_IN_REJECTED, now, command).account(account.id()).email(email)
                    .reason("account_disabled"));
            return new SignInWithLinkResult.InvalidToken();
        }
        audit.record(event(AuditEventType.SIGNED_IN, now, command).account(account.id()).email(email));
        return new SignInWithLinkResult.SignedIn(account.id(), false, sessions.start(account.id(), now));
    }

    private static AuditEvent event(AuditEventType type, Instant now, SignInWithLinkCommand command) {
        return AuditEvent.of(type, now, command.origin());
    }
}
