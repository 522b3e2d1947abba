package dev.authbackbone.domain.port.in.signin;

import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** Someone wants to sign in as {@code email}. */
public record RequestSignInLinkCommand(EmailAddress email, RequestOrigin origin) {

    public RequestSignInLinkCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public RequestSignInLinkCommand(EmailAddress email) {
        this(email, RequestOrigin.unknown());
    }
}
