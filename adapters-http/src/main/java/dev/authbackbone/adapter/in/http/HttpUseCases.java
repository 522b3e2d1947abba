package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.port.in.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.SignInWithLinkUseCase;
import dev.authbackbone.domain.port.in.ViewAccountEventsUseCase;
import dev.authbackbone.domain.port.in.ViewAccountUseCase;
import java.util.Objects;

/** The incoming ports the HTTP adapter calls, handed over together by the composition root. */
public record HttpUseCases(
        RequestSignInLinkUseCase requestSignInLink,
        SignInWithLinkUseCase signInWithLink,
        RequestEmailConfirmationUseCase requestEmailConfirmation,
        ConfirmEmailUseCase confirmEmail,
        ResendEmailConfirmationUseCase resendEmailConfirmation,
        ViewAccountUseCase viewAccount,
        ViewAccountEventsUseCase viewAccountEvents,
        SessionUseCases sessions) {

    public HttpUseCases {
        Objects.requireNonNull(requestSignInLink, "requestSignInLink");
        Objects.requireNonNull(signInWithLink, "signInWithLink");
        Objects.requireNonNull(requestEmailConfirmation, "requestEmailConfirmation");
        Objects.requireNonNull(confirmEmail, "confirmEmail");
        Objects.requireNonNull(resendEmailConfirmation, "resendEmailConfirmation");
        Objects.requireNonNull(viewAccount, "viewAccount");
        Objects.requireNonNull(viewAccountEvents, "viewAccountEvents");
        Objects.requireNonNull(sessions, "sessions");
    }
}
