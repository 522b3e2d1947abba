package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeUseCase;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.in.account.ViewAccountUseCase;
import java.util.Objects;

/** The incoming ports the HTTP adapter calls, handed over together by the composition root. */
public record HttpUseCases(
        RequestSignInLinkUseCase requestSignInLink,
        SignInWithLinkUseCase signInWithLink,
        SignInWithCodeUseCase signInWithCode,
        RequestEmailConfirmationUseCase requestEmailConfirmation,
        ConfirmEmailUseCase confirmEmail,
        ConfirmEmailWithCodeUseCase confirmEmailWithCode,
        PreviewConfirmationUseCase previewConfirmation,
        ResendEmailConfirmationUseCase resendEmailConfirmation,
        ViewAccountUseCase viewAccount,
        ViewAccountEventsUseCase viewAccountEvents,
        SessionUseCases sessions,
        AddressUseCases addresses) {

    public HttpUseCases {
        Objects.requireNonNull(requestSignInLink, "requestSignInLink");
        Objects.requireNonNull(signInWithLink, "signInWithLink");
        Objects.requireNonNull(signInWithCode, "signInWithCode");
        Objects.requireNonNull(confirmEmailWithCode, "confirmEmailWithCode");
        Objects.requireNonNull(requestEmailConfirmation, "requestEmailConfirmation");
        Objects.requireNonNull(confirmEmail, "confirmEmail");
        Objects.requireNonNull(previewConfirmation, "previewConfirmation");
        Objects.requireNonNull(resendEmailConfirmation, "resendEmailConfirmation");
        Objects.requireNonNull(viewAccount, "viewAccount");
        Objects.requireNonNull(viewAccountEvents, "viewAccountEvents");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(addresses, "addresses");
    }
}
