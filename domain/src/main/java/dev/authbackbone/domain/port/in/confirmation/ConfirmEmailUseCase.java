package dev.authbackbone.domain.port.in.confirmation;

/** The holder of a confirmation token uses it: the address becomes a verified identity of the account. */
public interface ConfirmEmailUseCase {

    /** Consumes the token and links its address; every other outstanding token for the address is revoked. */
    ConfirmEmailResult confirm(ConfirmEmailCommand command);
}
