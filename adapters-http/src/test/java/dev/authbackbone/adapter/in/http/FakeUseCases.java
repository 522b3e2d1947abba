package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.address.MakePrimaryCommand;
import dev.authbackbone.domain.port.in.address.MakePrimaryResult;
import dev.authbackbone.domain.port.in.address.MakePrimaryUseCase;
import dev.authbackbone.domain.port.in.address.RemoveAddressCommand;
import dev.authbackbone.domain.port.in.address.RemoveAddressResult;
import dev.authbackbone.domain.port.in.address.RemoveAddressUseCase;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeCommand;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeUseCase;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.account.ViewAccountUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.account.ViewAccountUseCase;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.session.StartedSession;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Hand-written fakes of the nine incoming ports, each recording what it was asked. */
final class FakeUseCases {

    static final AccountId ACCOUNT = new AccountId(UUID.fromString("3f1d7c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f"));
    static final SessionId SESSION = new SessionId(UUID.fromString("4c2e8d3f-9b5c-4d6e-8f7a-1b2c3d4e5f60"));
    /** The session every sign-in starts; its refresh token is 43 fixed characters. */
    static final StartedSession STARTED = new StartedSession(SESSION, OneTimeToken.parse("R".repeat(43)).orElseThrow(),
            java.time.Instant.parse("2099-01-01T00:00:00Z"));
    static final Instant CREATED_AT = Instant.parse("2026-01-01T08:00:00Z");

    final RequestSignInLink requestSignInLink = new RequestSignInLink();
    final SignInWithLink signInWithLink = new SignInWithLink();
    final SignInWithCode signInWithCode = new SignInWithCode();
    final ConfirmEmailWithCode confirmEmailWithCode = new ConfirmEmailWithCode();
    final RequestEmailConfirmation requestEmailConfirmation = new RequestEmailConfirmation();
    final ConfirmEmail confirmEmail = new ConfirmEmail();
    final ResendEmailConfirmation resendEmailConfirmation = new ResendEmailConfirmation();
    final ViewAccount viewAccount = new ViewAccount();
    final ViewAccountEvents viewAccountEvents = new ViewAccountEvents();
    final FakeSessions sessions = new FakeSessions();
    final PreviewConfirmation previewConfirmation = new PreviewConfirmation();
    final MakePrimary makePrimary = new MakePrimary();
    final RemoveAddress removeAddress = new RemoveAddress();
    final UndoPrimaryChange undoPrimaryChange = new UndoPrimaryChange();

    HttpUseCases asUseCases() {
        return new HttpUseCases(requestSignInLink, signInWithLink, signInWithCode, requestEmailConfirmation, confirmEmail,
                confirmEmailWithCode, previewConfirmation, resendEmailConfirmation, viewAccount, viewAccountEvents,
                sessions.asUseCases(), new AddressUseCases(makePrimary, removeAddress, undoPrimaryChange));
    }

    void reset() {
        requestSignInLink.reset();
        signInWithLink.reset();
        signInWithCode.reset();
        confirmEmailWithCode.reset();
        requestEmailConfirmation.reset();
        confirmEmail.reset();
        resendEmailConfirmation.reset();
        viewAccount.reset();
        viewAccountEvents.reset();
        makePrimary.reset();
        removeAddress.reset();
        undoPrimaryChange.reset();
    }

    /** How many commands reached any use case. */
    int totalCalls() {
        return requestSignInLink.commands().size() + signInWithLink.commands().size()
                + signInWithCode.commands().size() + confirmEmailWithCode.commands().size()
                + requestEmailConfirmation.commands().size() + confirmEmail.commands().size()
                + resendEmailConfirmation.commands().size() + viewAccount.commands().size()
                + viewAccountEvents.commands().size() + makePrimary.commands().size()
                + removeAddress.commands().size() + undoPrimaryChange.commands().size();
    }

    static final class RequestSignInLink extends RecordingUseCase<RequestSignInLinkCommand, RequestSignInLinkResult>
            implements RequestSignInLinkUseCase {
        RequestSignInLink() {
            super(new RequestSignInLinkResult.Accepted());
        }

        @Override
        public RequestSignInLinkResult request(RequestSignInLinkCommand command) {
            return handle(command);
        }
    }

    static final class SignInWithLink extends RecordingUseCase<SignInWithLinkCommand, SignInWithLinkResult>
            implements SignInWithLinkUseCase {
        SignInWithLink() {
            super(new SignInWithLinkResult.SignedIn(ACCOUNT, false, STARTED));
        }

        @Override
        public SignInWithLinkResult signIn(SignInWithLinkCommand command) {
            return handle(command);
        }
    }

    static final class SignInWithCode extends RecordingUseCase<SignInWithCodeCommand, SignInWithLinkResult>
            implements SignInWithCodeUseCase {
        SignInWithCode() {
            super(new SignInWithLinkResult.SignedIn(ACCOUNT, false, STARTED));
        }

        @Override
        public SignInWithLinkResult signIn(SignInWithCodeCommand command) {
            return handle(command);
        }
    }

    static final class ConfirmEmailWithCode extends RecordingUseCase<ConfirmEmailWithCodeCommand, ConfirmEmailResult>
            implements ConfirmEmailWithCodeUseCase {
        ConfirmEmailWithCode() {
            super(new ConfirmEmailResult.Confirmed(EmailAddress.parse("Second.Address@Example.org")));
        }

        @Override
        public ConfirmEmailResult confirm(ConfirmEmailWithCodeCommand command) {
            return handle(command);
        }
    }

    static final class RequestEmailConfirmation
            extends RecordingUseCase<RequestEmailConfirmationCommand, RequestEmailConfirmationResult>
            implements RequestEmailConfirmationUseCase {
        RequestEmailConfirmation() {
            super(new RequestEmailConfirmationResult.Accepted());
        }

        @Override
        public RequestEmailConfirmationResult request(RequestEmailConfirmationCommand command) {
            return handle(command);
        }
    }

    static final class ConfirmEmail extends RecordingUseCase<ConfirmEmailCommand, ConfirmEmailResult>
            implements ConfirmEmailUseCase {
        ConfirmEmail() {
            super(new ConfirmEmailResult.Confirmed(EmailAddress.parse("Second.Address@Example.org")));
        }

        @Override
        public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
            return handle(command);
        }
    }

    /** Read-only, so not counted: what the confirmation page shows before the button is pressed. */
    static final class PreviewConfirmation implements PreviewConfirmationUseCase {
        /** Unusable unless a test says so. */
        volatile PreviewConfirmationResult result = new PreviewConfirmationResult.Unusable();

        @Override
        public PreviewConfirmationResult preview(PreviewConfirmationCommand command) {
            return result;
        }
    }

    static final class MakePrimary extends RecordingUseCase<MakePrimaryCommand, MakePrimaryResult>
            implements MakePrimaryUseCase {
        MakePrimary() {
            super(new MakePrimaryResult.MadePrimary(EmailAddress.parse("work@example.org")));
        }

        @Override
        public MakePrimaryResult makePrimary(MakePrimaryCommand command) {
            return handle(command);
        }
    }

    static final class RemoveAddress extends RecordingUseCase<RemoveAddressCommand, RemoveAddressResult>
            implements RemoveAddressUseCase {
        RemoveAddress() {
            super(new RemoveAddressResult.Removed(EmailAddress.parse("work@example.org")));
        }

        @Override
        public RemoveAddressResult remove(RemoveAddressCommand command) {
            return handle(command);
        }
    }

    static final class UndoPrimaryChange extends RecordingUseCase<UndoPrimaryChangeCommand, UndoPrimaryChangeResult>
            implements UndoPrimaryChangeUseCase {
        UndoPrimaryChange() {
            super(new UndoPrimaryChangeResult.Undone(EmailAddress.parse("ada@example.org")));
        }

        @Override
        public UndoPrimaryChangeResult undo(UndoPrimaryChangeCommand command) {
            return handle(command);
        }
    }

    static final class ResendEmailConfirmation
            extends RecordingUseCase<ResendEmailConfirmationCommand, ResendEmailConfirmationResult>
            implements ResendEmailConfirmationUseCase {
        ResendEmailConfirmation() {
            super(new ResendEmailConfirmationResult.Sent(EmailAddress.parse("pending@example.org")));
        }

        @Override
        public ResendEmailConfirmationResult resend(ResendEmailConfirmationCommand command) {
            return handle(command);
        }
    }

    static final class ViewAccount extends RecordingUseCase<AccountId, ViewAccountResult> implements ViewAccountUseCase {
        ViewAccount() {
            super(new ViewAccountResult.Found(Account.restore(ACCOUNT, CREATED_AT, false),
                    List.of(new EmailIdentity(ACCOUNT, EmailAddress.parse("first@example.org"), true, CREATED_AT)),
                    List.of()));
        }

        @Override
        public ViewAccountResult view(AccountId account) {
            return handle(account);
        }
    }

    static final class ViewAccountEvents extends RecordingUseCase<AccountId, ViewAccountEventsResult>
            implements ViewAccountEventsUseCase {
        ViewAccountEvents() {
            super(new ViewAccountEventsResult.Found(List.of(
                    AuditEvent.of(AuditEventType.EMAIL_CONFIRMED, CREATED_AT.plusSeconds(60),
                            RequestOrigin.of("203.0.113.9", "req-2")).account(ACCOUNT)
                            .email(EmailAddress.parse("second@example.org")),
                    AuditEvent.of(AuditEventType.ACCOUNT_OPENED, CREATED_AT, RequestOrigin.unknown()).account(ACCOUNT))));
        }

        @Override
        public ViewAccountEventsResult events(AccountId account) {
            return handle(account);
        }
    }
}
