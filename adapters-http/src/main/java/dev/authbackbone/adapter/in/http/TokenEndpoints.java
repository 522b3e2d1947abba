package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.limit.ClientIpRateLimiter;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge of every route that redeems a token: a per-client-IP limit on guessing, and no work for
 * a token that cannot be one of ours. Both sit here, so every token route applies them alike.
 *
 * <p>The limit counts every POST to these paths, well-formed or not, before the body is read: it
 * is there to slow down guessing, and a guess costs the guesser as much as a typo. A token that is
 * not 43 base64url characters gets the very answer an unknown one gets, without the use case being
 * called (the routes ask {@link #wellFormed}), so it writes no audit row; a metric counts it instead.
 */
final class TokenEndpoints {

    /** The paths that redeem a token. A new token route adds its path here and is limited at once. */
    static final List<String> PATHS = List.of(
            MagicLinkRoutes.VERIFY, EmailConfirmationRoutes.CONFIRM,
            MagicLinkPageRoutes.PATH, ConfirmEmailPageRoutes.PATH, UndoPageRoutes.PATH, MagicLinkPageRoutes.CODE_PATH,
            MagicLinkRoutes.VERIFY_CODE, EmailConfirmationRoutes.CONFIRM_CODE, "/api/auth/token/refresh");

    private static final Logger SECURITY = LoggerFactory.getLogger(SecurityLog.NAME);

    private final ClientIpRateLimiter limiter;
    private final HttpMetrics metrics;

    TokenEndpoints(ClientIpRateLimiter limiter, HttpMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    void addTo(RoutesConfig routes) {
        PATHS.forEach(path -> routes.before(path, this::admit));
    }

    /**
     * Whether {@code token} can be one of ours; a route answers a token that cannot as it answers an
     * unknown one, without calling its use case, so nothing is written for it (a metric counts it).
     */
    boolean wellFormed(String token, String purpose) {
        if (OneTimeToken.parse(token).isPresent()) {
            return true;
        }
        metrics.tokenMalformed(purpose);
        return false;
    }

    /** The same for a typed code: one that cannot be a code is answered as a wrong one, unread. */
    boolean wellFormedCode(String code, String purpose) {
        if (OneTimeCode.parse(code).isPresent()) {
            return true;
        }
        metrics.tokenMalformed(purpose);
        return false;
    }

    private void admit(Context ctx) {
        if (ctx.method() != HandlerType.POST) {
            return;
        }
        String client = ClientIp.of(ctx);
        limiter.acquire(client).ifPresent(wait -> {
            metrics.tokenIpLimited();
            SECURITY.atWarn().addKeyValue("event", "rate_limited").addKeyValue("limit", "per_ip_token")
                    .addKeyValue("client_ip", client)
                    .log("rate_limited per_ip_token client_ip={}", client);
            throw new RejectedRequest(new HttpProblem.RateLimited(wait));
        });
    }
}
