package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Optional;

/** The holder of a confirmation token uses it: the address becomes a verified identity of the account. */
public interface ConfirmEmailUseCase {

    /** Consumes the token and links its address; every other outstanding token for the address is revoked. */
    ConfirmEmailResult confirm(ConfirmEmailCommand command);

    /**
     * Read-only, for the page a link opens: the address the token would link while it can still be
     * used; nothing is consumed or recorded (link previews and mail scanners open that page too).
     */
    Optional<EmailAddress> pendingAddress(ConfirmEmailCommand command);
}
