package dev.authbackbone.domain.port.in.address;

/** The holder of an undo link, mailed to a previous primary address, takes the primary change back. */
public interface UndoPrimaryChangeUseCase {

    /** Consumes the link, restores the previous primary and ends every session of the account. */
    UndoPrimaryChangeResult undo(UndoPrimaryChangeCommand command);
}
