package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.session.Caller;

/** A signed-in holder ends one of the account's sessions, named by its id. */
public interface EndSessionUseCase {

    /** Ends the session named by {@code sessionId} (raw text from the path) if it is one of the caller's live ones. */
    EndSessionResult end(Caller caller, String sessionId);
}
