package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.session.Caller;

/** A signed-in holder ends the session its access token belongs to. */
public interface SignOutUseCase {

    /** Ends {@code caller}'s session; ending an ended one changes nothing. */
    void signOut(Caller caller);
}
