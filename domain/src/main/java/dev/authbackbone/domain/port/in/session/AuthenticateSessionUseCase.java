package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.session.Caller;

/** Checks, on every authenticated request, that the access token's session is still live. */
public interface AuthenticateSessionUseCase {

    /** Whether {@code caller}'s session is live; costs one indexed read (and a write at most once a minute). */
    AuthenticateSessionResult authenticate(Caller caller);
}
