package dev.authbackbone.domain.port.in.address;

/** A signed-in account makes one of its verified addresses its primary. */
public interface MakePrimaryUseCase {

    /** Makes the address primary and mails the previous primary an undo link; the mail failing undoes the change. */
    MakePrimaryResult makePrimary(MakePrimaryCommand command);
}
