package dev.authbackbone.application.address;

import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.address.UndoDecision;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeCommand;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Uses an undo link: consumes it atomically, makes its address the account's primary again
 * (linking it anew if it was removed meanwhile and is still free) and its only address, ends its
 * pending confirmations, the undo links of later changes (see {@link UndoDecision#decide}) and
 * every session, all in one unit of work that also records the outcome. Whoever made the change
 * with a stolen session is signed out, can sign in with none of the addresses they put in nor
 * confirm one they asked for, and holds no undo link that could take the account back; the owner
 * signs in again with the restored address and links their other addresses again.
 */
public final class UndoPrimaryChangeService implements UndoPrimaryChangeUseCase {

    private final AccountRepository accounts;
    private final PrimaryUndoRepository undos;
    private final Sessions sessions;
    private final UnitOfWork unitOfWork;
    private final AuditTrail audit;
    private final Clock clock;

    public UndoPrimaryChangeService(AccountRepository accounts, PrimaryUndoRepository undos, Sessions sessions,
                                    UnitOfWork unitOfWork, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.undos = undos;
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public UndoPrimaryChangeResult undo(UndoPrimaryChangeCommand command) {
        Instant now = clock.instant();
        Optional<OneTimeToken> presented = OneTimeToken.parse(command.token());
        UndoDecision outcome;
        if (presented.isEmpty()) {
            outcome = UndoDecision.decide(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
            audit.record(outcome.auditEvent(now, command.origin()));
        } else {
            // The event commits with what it records, as every other change of an account's addresses does.
            outcome = unitOfWork.inTransaction(() -> {
                UndoDecision decided = redeem(presented.get(), now);
                audit.record(decided.auditEvent(now, command.origin()));
                return decided;
            });
        }
        return outcome instanceof UndoDecision.Restore restore
                ? new UndoPrimaryChangeResult.Undone(restore.previous())
                : new UndoPrimaryChangeResult.InvalidToken();
    }

    /**
     * The account is locked before the link is read for the decision and consumed, as every other
     * change of an account's addresses locks it first: in the other order, two links used at once,
     * or a confirmation racing the undo, waited on each other's locks. Under the lock no other undo
     * of the account runs, so the link read here is the one consumed. A refused link stays unspent.
     */
    private UndoDecision redeem(OneTimeToken token, Instant now) {
        Optional<Account> owner = undos.find(token.hash()).flatMap(link -> accounts.findForUpdate(link.account()));
        Optional<PrimaryUndo> link = owner.flatMap(locked -> undos.find(token.hash())).filter(l -> l.isUsableAt(now));
        UndoDecision decided = UndoDecision.decide(link, owner,
                link.flatMap(u -> accounts.findByEmail(u.previous())),
                link.map(u -> accounts.identitiesOf(u.account())).orElse(List.of()),
                link.map(u -> undos.usableOf(u.account(), now)).orElse(List.of()));
        if (decided instanceof UndoDecision.Restore restore) {
            // Linked anew as it was first linked, so that it keeps its place among the account's addresses.
            Instant linkedAt = link.get().previousVerifiedAt().orElse(now);
            if (restore.relink()
                    && accounts.link(restore.account(), restore.previous(), linkedAt) instanceof LinkOutcome.HeldByAnotherAccount) {
                return new UndoDecision.Invalid(Reason.ADDRESS_GONE, Optional.of(restore.account()),
                        Optional.of(restore.previous()));
            }
            if (undos.consume(token.hash(), now).isEmpty()) {
                throw new IllegalStateException("an undo link read usable under its account's lock could not be consumed");
            }
            accounts.makePrimary(restore.account(), restore.previous());
            restore.evict().forEach(other -> accounts.unlink(restore.account(), other));
            undos.revokeIssuedSince(restore.account(), restore.endLinksSince(), now);
            sessions.endAll(restore.account(), EndReason.ENDED_BY_ACCOUNT, now);
        }
        return decided;
    }
}
