package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.domain.account.AccountId;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the caller's account from {@code Authorization: Bearer <token>} (RFC 6750). */
final class BearerAuthentication {

    private static final String SCHEME = "bearer ";
    private static final Logger SECURITY = LoggerFactory.getLogger(SecurityLog.NAME);

    private final AccessTokens tokens;

    BearerAuthentication(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * The account the request's bearer token speaks for.
     *
     * @throws RejectedRequest {@code NotAuthenticated} when no bearer token came (no header, another
     *                         scheme, an empty token), {@code InvalidAccessToken} when one came and
     *                         is not valid, or when several {@code Authorization} headers came
     */
    AccountId require(Context ctx) {
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
        return tokens.verify(token).orElseThrow(() -> rejected(ctx, "invalid_access_token"));
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
