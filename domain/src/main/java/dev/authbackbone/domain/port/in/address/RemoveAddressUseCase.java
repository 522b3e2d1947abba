package dev.authbackbone.domain.port.in.address;

/** A signed-in account removes one of its verified or pending addresses (never its primary). */
public interface RemoveAddressUseCase {

    /** Removes the address (a pending one's links stop working) and tells the primary. */
    RemoveAddressResult remove(RemoveAddressCommand command);
}
