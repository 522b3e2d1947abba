package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.audit.RequestOrigin;

/** The holder of a refresh token trades it for the next one (and a new access token at the edge). */
public interface RefreshSessionUseCase {

    /** Spends {@code refreshToken} (raw text as presented; it may be anything). */
    RefreshSessionResult refresh(String refreshToken, RequestOrigin origin);
}
