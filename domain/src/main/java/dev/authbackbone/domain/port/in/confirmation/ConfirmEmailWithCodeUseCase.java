package dev.authbackbone.domain.port.in.confirmation;

/**
 * The account that asked to link an address types the code from the confirmation mail instead of
 * following its link; a code counts only for that account and that address.
 */
public interface ConfirmEmailWithCodeUseCase {

    /** Checks the code against the caller's confirmations of the address, spends the matching mail and links the address. */
    ConfirmEmailResult confirm(ConfirmEmailWithCodeCommand command);
}
