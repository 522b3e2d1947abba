package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.VerifiedAccessToken;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionUseCase;
import dev.authbackbone.domain.session.Caller;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the caller's account and session from {@code Authorization: Bearer <token>} (RFC 6750),
 * and refuses a token whose session is no longer live (one indexed read per request).
 */
final class BearerAuthentication {

    private static final String SCHEME = "bearer ";
    private static final Logger SECURITY = LoggerFactory.getLogger(SecurityLog.NAME);

    private final AccessTokens tokens;
    private final AuthenticateSessionUseCase sessions;

    BearerAuthentication(AccessTokens tokens, AuthenticateSessionUseCase sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The account the request's bearer token speaks for; see {@link #requireCaller}. */
    AccountId require(Context ctx) {
        return requireCaller(ctx).account();
    }

    /**
     * The account and session the request's bearer token speaks for.
     *
     * @throws RejectedRequest {@code NotAuthenticated} when no bearer token came (no header, another
     *                         scheme, an empty token), {@code InvalidAccessToken} when one came and
     *                         is not valid or its session has ended, or when several
     *                         {@code Authorization} headers came
     */
    Caller requireCaller(Context ctx) {
        List<String> headers = Collections.list(ctx.req().getHeaders("Authorization"));
        if (headers.isEmpty()) {
            throw new RejectedRequest(new HttpProblem.NotAuthenticated());
        }
        if (headers.size() > 1) {
            throw rejected(ctx, "several_authorization_headers");
        }
        String header = headers.get(0).strip();
        if (header.length() < SCHEME.length() || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            throw new RejectedRequest(new HttpProblem.NotAuthenticated());
        }
        String token = header.substring(SCHEME.length()).strip();
        if (token.isEmpty()) {
            throw new RejectedRequest(new HttpProblem.NotAuthenticated());
        }
        VerifiedAccessToken verified = tokens.verifyClaims(token).orElseThrow(() -> rejected(ctx, "invalid_access_token"));
        Caller caller = new Caller(verified.account(), verified.session());
        if (!Outcomes.live(sessions.authenticate(caller))) {
            throw rejected(ctx, "session_not_live");
        }
        return caller;
    }

    /** A presented token that is refused is worth a security line; a missing one is ordinary. */
    private static RejectedRequest rejected(Context ctx, String reason) {
        // Never the token or the header: only that one was refused, and from where.
        SECURITY.atInfo().addKeyValue("event", "access_token_rejected").addKeyValue("reason", reason)
                .addKeyValue("client_ip", ClientIp.of(ctx))
                .log("access_token_rejected reason={} client_ip={}", reason, ClientIp.of(ctx));
        return new RejectedRequest(new HttpProblem.InvalidAccessToken());
    }
}
