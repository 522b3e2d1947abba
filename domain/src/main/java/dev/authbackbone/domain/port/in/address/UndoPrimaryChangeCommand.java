package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.audit.RequestOrigin;
import java.util.Objects;

/** The raw token text a client presented; it may be anything, and is checked by the use case. */
public record UndoPrimaryChangeCommand(String token, RequestOrigin origin) {

    public UndoPrimaryChangeCommand {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "UndoPrimaryChangeCommand[token=redacted, origin=" + origin + "]";
    }
}
