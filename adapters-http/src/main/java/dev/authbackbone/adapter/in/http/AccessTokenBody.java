package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.session.StartedSession;

/** OAuth 2's token response (RFC 6749 section 5.1), with the session's next refresh token: sign-in and refresh alike. */
record AccessTokenBody(@JsonProperty("access_token") String accessToken,
                       @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn,
                       @JsonProperty("refresh_token") String refreshToken) {

    static AccessTokenBody of(IssuedAccessToken issued, StartedSession session) {
        return new AccessTokenBody(issued.value(), "bearer", issued.expiresIn().toSeconds(),
                session.refreshToken().reveal());
    }

    @Override
    public String toString() {
        return "AccessTokenBody[redacted]";
    }
}
