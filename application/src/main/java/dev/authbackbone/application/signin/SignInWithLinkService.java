package dev.authbackbone.application.signin;

import dev.authbackbone.application.mail.MailedCodes;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.signin.SignInRedemption;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Uses a magic-link token, or the code mailed with it together with its address: signs in to the account holding its address, or opens one with that
 * address as its verified primary on the first sign-in (which revokes other tokens for it). What
 * the token comes to is decided by {@link SignInRedemption}; the outcome is recorded in the audit
 * trail, and a successful sign-in starts a session, in the same unit of work.
 */
public final class SignInWithLinkService implements SignInWithLinkUseCase, SignInWithCodeUseCase {

    /** Looks at an address that changes hands while its holder is being locked: far more than a sign-in meets. */
    private static final int HOLDER_ATTEMPTS = 3;

    private final AccountRepository accounts;
    private final EmailTokenRepository tokens;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;
    private final Sessions sessions;
    private final MailedCodes codes;

    public SignInWithLinkService(AccountRepository accounts, EmailTokenRepository tokens, MailedCodes codes,
                                 UnitOfWork unitOfWork, AuditTrail audit, Clock clock, RandomGenerator random,
                                 Sessions sessions) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
        this.sessions = sessions;
        this.codes = codes;
    }

    @Override
    public SignInWithLinkResult signIn(SignInWithLinkCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        if (presented.isEmpty()) {
            return recorded(SignInRedemption.invalidToken(), command.origin(), now);
        }
        return unitOfWork.inTransaction(() -> recorded(
                redeem(tokens.consume(presented.get().hash(), EmailPurpose.SIGN_IN, now), now), command.origin(), now));
    }

    @Override
    public SignInWithLinkResult signIn(SignInWithCodeCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeCode> presented = OneTimeCode.parse(command.code());
        if (presented.isEmpty()) {
            return recorded(SignInRedemption.wrongCode(), command.origin(), now);
        }
        return unitOfWork.inTransaction(() -> {
            Optional<EmailToken> matched = codes.match(command.email(), EmailPurpose.SIGN_IN, Optional.empty(),
                    presented.get(), now);
            SignInRedemption outcome = matched
                    .map(token -> redeem(tokens.consumeByCode(token.hash(), now), now))
                    .orElseGet(SignInRedemption::wrongCode);
            return recorded(outcome, command.origin(), now);
        });
    }

    /** Decides on a token as its link or code just consumed it (empty when it could not). */
    private SignInRedemption redeem(Optional<EmailToken> consumed, Instant now) {
        Optional<Account> holder = consumed.flatMap(token -> lockedHolderOf(token.email()));
        Optional<AccountId> freshId = consumed.isPresent() && holder.isEmpty()
                ? Optional.of(AccountId.generate(random)) : Optional.empty();
        return SignInRedemption.ofConsumed(consumed, holder, freshId)
                .map(signedIn -> signedIn, opened -> opening(opened, now), rejected -> rejected);
    }

    /**
     * The account holding {@code email}, locked, as read under its lock. The session then starts
     * after any undo or disable of that account that held the lock, and one that comes later waits
     * for it and ends it: read without the lock, a sign-in that began just before an undo evicted
     * its address, or a disable, kept a session on the account (an outside probe, across two
     * instances). An address that changed hands meanwhile is looked up again, a few times; after
     * that the sign-in is answered 503, never from an unlocked read.
     */
    private Optional<Account> lockedHolderOf(EmailAddress email) {
        Optional<Account> seen = accounts.findByEmail(email);
        for (int attempt = 0; seen.isPresent() && attempt < HOLDER_ATTEMPTS; attempt++) {
            Optional<Account> locked = accounts.findForUpdate(seen.get().id());
            Optional<Account> now = accounts.findByEmail(email);
            if (now.map(Account::id).equals(seen.map(Account::id))) {
                return locked;
            }
            seen = now;
        }
        if (seen.isPresent()) {
            // Still changing hands: never answer from an unlocked read. The unit of work rolls back,
            // so the link or code stays usable for the client's retry.
            throw new StorageUnavailableException("the address changed hands while its holder was being locked",
                    Duration.ofSeconds(1), null);
        }
        return seen;
    }

    private SignInRedemption opening(SignInRedemption.Opened opened, Instant now) {
        if (accounts.open(Account.open(opened.account(), now), opened.email(), now) instanceof LinkOutcome.HeldByAnotherAccount) {
            // A concurrent first sign-in for the same address opened the account a moment ago.
            return SignInRedemption.afterRace(accounts.findByEmail(opened.email()), opened.email());
        }
        tokens.revokeOutstanding(opened.email(), opened.account(), now);
        return opened;
    }

    private SignInWithLinkResult recorded(SignInRedemption outcome, RequestOrigin origin, Instant now) {
        audit.record(outcome.auditEvent(now, origin));
        return outcome.map(
                signedIn -> new SignInWithLinkResult.SignedIn(signedIn.account(), false, sessions.start(signedIn.account(), now)),
                opened -> new SignInWithLinkResult.SignedIn(opened.account(), true, sessions.start(opened.account(), now)),
                rejected -> new SignInWithLinkResult.InvalidToken());
    }
}
