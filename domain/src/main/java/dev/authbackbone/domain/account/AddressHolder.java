package dev.authbackbone.domain.account;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/**
 * The account that holds an address as a verified identity, with the address as it was first given:
 * an address is compared case-insensitively, but mail to it goes to that spelling, whatever the
 * spelling of a later request.
 */
public record AddressHolder(Account account, EmailAddress address) {

    public AddressHolder {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(address, "address");
    }
}
