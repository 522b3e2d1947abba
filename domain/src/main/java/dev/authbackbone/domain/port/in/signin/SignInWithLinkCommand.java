package dev.authbackbone.domain.port.in.signin;

import dev.authbackbone.domain.audit.RequestOrigin;
import java.util.Objects;

/** The raw token text a client presented; it may be anything, and is checked by the use case. */
public record SignInWithLinkCommand(String token, RequestOrigin origin) {

    public SignInWithLinkCommand {
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public SignInWithLinkCommand(String token) {
        this(token, RequestOrigin.unknown());
    }

    @Override
    public String toString() {
        return "SignInWithLinkCommand[token=redacted, origin=" + origin + "]";
    }
}
