package dev.authbackbone.domain.port.in.signin;

import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** The address a sign-in mail went to and the raw code text typed; the code may be anything, and is checked by the use case. */
public record SignInWithCodeCommand(EmailAddress email, String code, RequestOrigin origin) {

    public SignInWithCodeCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "SignInWithCodeCommand[email=redacted, code=redacted, origin=" + origin + "]";
    }
}
