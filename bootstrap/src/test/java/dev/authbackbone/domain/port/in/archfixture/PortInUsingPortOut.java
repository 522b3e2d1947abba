package dev.authbackbone.domain.port.in.archfixture;

import dev.authbackbone.domain.port.out.AccountRepository;

/** Breaks two rules on purpose: an incoming port not named {@code *UseCase}, reaching for an outgoing port. */
public interface PortInUsingPortOut {

    void handOver(AccountRepository accounts);
}
