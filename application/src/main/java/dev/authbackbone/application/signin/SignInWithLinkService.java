package dev.authbackbone.application.signin;

import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.signin.SignInRedemption;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Uses a magic-link token: signs in to the account holding its address, or opens one with that
 * address as its verified primary on the first sign-in (which revokes other tokens for it). What
 * the token comes to is decided by {@link SignInRedemption}; the outcome is recorded in the audit
 * trail, and a successful sign-in starts a session, in the same unit of work.
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
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.sessions = sessions;
    }

    @Override
    public SignInWithLinkResult signIn(SignInWithLinkCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return recorded(SignInRedemption.invalidToken(), command, now);
        }
        return unitOfWork.inTransaction(() -> recorded(redeem(presented.get().hash(), now), command, now));
    }

    private SignInRedemption redeem(TokenHash hash, Instant now) {
        Optional<EmailToken> consumed = tokens.consume(hash, EmailPurpose.SIGN_IN, now);
        Optional<Account> holder = consumed.flatMap(token -> accounts.findByEmail(token.email()));
        Optional<AccountId> freshId = consumed.isPresent() && holder.isEmpty()
                ? Optional.of(AccountId.generate(random)) : Optional.empty();
        return SignInRedemption.ofConsumed(consumed, holder, freshId)
                .map(signedIn -> signedIn, opened -> opening(opened, now), rejected -> rejected);
    }

    private SignInRedemption opening(SignInRedemption.Opened opened, Instant now) {
        if (accounts.open(Account.open(opened.account(), now), opened.email(), now) instanceof LinkOutcome.HeldByAnotherAccount) {
            // A concurrent first sign-in for the same address opened the account a moment ago.
            return SignInRedemption.afterRace(accounts.findByEmail(opened.email()), opened.email());
        }
        tokens.revokeOutstanding(opened.email(), opened.account(), now);
        return opened;
    }

    private SignInWithLinkResult recorded(SignInRedemption outcome, SignInWithLinkCommand command, Instant now) {
        audit.record(outcome.auditEvent(now, command.origin()));
        return outcome.map(
                signedIn -> new SignInWithLinkResult.SignedIn(signedIn.account(), false, sessions.start(signedIn.account(), now)),
                opened -> new SignInWithLinkResult.SignedIn(opened.account(), true, sessions.start(opened.account(), now)),
                rejected -> new SignInWithLinkResult.InvalidToken());
    }
}
