package dev.authbackbone.domain.port.in.confirmation;

/** A signed-in account asks to link an address: the address is mailed a confirmation link. */
public interface RequestEmailConfirmationUseCase {

    /** Mails a link (or, when the address is already verified somewhere, a notice) within the quotas. */
    RequestEmailConfirmationResult request(RequestEmailConfirmationCommand command);
}
