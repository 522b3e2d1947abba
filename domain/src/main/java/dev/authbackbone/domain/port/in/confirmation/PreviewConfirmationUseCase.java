package dev.authbackbone.domain.port.in.confirmation;

/**
 * Read-only, for the page a confirmation link opens: what confirming would do, while the token can
 * still be used. Nothing is consumed or recorded (link previews and mail scanners open that page too).
 */
public interface PreviewConfirmationUseCase {

    /** The address the token would link and the account that asked, or that the token is unusable. */
    PreviewConfirmationResult preview(PreviewConfirmationCommand command);
}
