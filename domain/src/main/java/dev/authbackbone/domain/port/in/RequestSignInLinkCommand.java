package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** Someone wants to sign in as {@code email}. */
public record RequestSignInLinkCommand(EmailAddress email) {

    public RequestSignInLinkCommand {
        Objects.requireNonNull(email, "email");
    }
}
