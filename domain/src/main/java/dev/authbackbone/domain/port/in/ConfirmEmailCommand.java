package dev.authbackbone.domain.port.in;

/** The raw token text a client presented; it may be anything, and is checked by the use case. */
public record ConfirmEmailCommand(String token) {

    @Override
    public String toString() {
        return "ConfirmEmailCommand[token=redacted]";
    }
}
