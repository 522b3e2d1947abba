package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.port.in.address.MakePrimaryUseCase;
import dev.authbackbone.domain.port.in.address.RemoveAddressUseCase;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeUseCase;
import java.util.Objects;

/** The address ports the HTTP adapter calls: make primary, remove, and the undo page. */
public record AddressUseCases(MakePrimaryUseCase makePrimary, RemoveAddressUseCase remove, UndoPrimaryChangeUseCase undo) {

    public AddressUseCases {
        Objects.requireNonNull(makePrimary, "makePrimary");
        Objects.requireNonNull(remove, "remove");
        Objects.requireNonNull(undo, "undo");
    }
}
