package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.audit.RequestOrigin;
import java.util.Objects;

/** The raw token text a client presented; it may be anything, and is checked by the use case. */
public record ConfirmEmailCommand(String token, RequestOrigin origin) {

    public ConfirmEmailCommand {
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public ConfirmEmailCommand(String token) {
        this(token, RequestOrigin.unknown());
    }

    @Override
    public String toString() {
        return "ConfirmEmailCommand[token=redacted, origin=" + origin + "]";
    }
}
