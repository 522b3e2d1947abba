package dev.authbackbone.domain.port.in.confirmation;

/** A signed-in account has a pending confirmation mailed again, with a fresh token. */
public interface ResendEmailConfirmationUseCase {

    /** Mails a fresh link for the named pending address, else for the most recent pending one. */
    ResendEmailConfirmationResult resend(ResendEmailConfirmationCommand command);
}
