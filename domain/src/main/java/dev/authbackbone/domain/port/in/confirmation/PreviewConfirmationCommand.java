package dev.authbackbone.domain.port.in.confirmation;

/** The raw token text from a confirmation link; it may be anything, and is checked by the use case. */
public record PreviewConfirmationCommand(String token) {

    @Override
    public String toString() {
        return "PreviewConfirmationCommand[token=redacted]";
    }
}
