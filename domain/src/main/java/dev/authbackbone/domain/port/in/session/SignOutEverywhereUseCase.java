package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.session.Caller;

/** A signed-in holder ends every session of the account, this one included. */
public interface SignOutEverywhereUseCase {

    /** Ends every session of {@code caller}'s account. */
    void signOutEverywhere(Caller caller);
}
