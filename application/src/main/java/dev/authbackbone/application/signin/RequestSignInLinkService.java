package dev.authbackbone.application.signin;

import dev.authbackbone.application.mail.Outbox;
import dev.authbackbone.application.mail.Outbox.Reservation;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.signin.SignInRequest;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Mails a magic link to any address within its quota: known addresses sign in to their account,
 * unknown ones will open one. A disabled account's address gets a notice through the same steps.
 */
public final class RequestSignInLinkService implements RequestSignInLinkUseCase {

    private final AccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final Clock clock;

    public RequestSignInLinkService(AccountRepository accounts, UnitOfWork unitOfWork, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public RequestSignInLinkResult request(RequestSignInLinkCommand command) {
        Instant now = clock.instant();
        Reservation reservation = unitOfWork.inTransaction(() -> {
            Optional<AddressHolder> holder = accounts.holderOf(command.email());
            LinkDecision decision = SignInRequest.decide(outbox.perAddress(command.email(), EmailPurpose.SIGN_IN, now),
                    holder, command.email());
            // The holder sees sign-in requests for its address among its own events; the requester sees nothing.
            return outbox.reserve(decision, AuditEvent.of(AuditEventType.SIGN_IN_LINK_REQUESTED, now, command.origin())
                    .account(holder.map(h -> h.account().id())).email(command.email()), now);
        });
        return outbox.send(reservation).map(refused -> new RequestSignInLinkResult.RateLimited(refused.retryAfter().orElseThrow()),
                sent -> new RequestSignInLinkResult.Accepted(), RequestSignInLinkResult.MailUnavailable::new);
    }
}
