package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.limit.ClientIpRateLimiter;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-client-address limit in front of the three routes that send mail. The address is the
 * socket's peer, or the forwarded client when the peer is a trusted proxy ({@link ClientIp}).
 */
final class MailSendingLimit {

    private static final Logger SECURITY = LoggerFactory.getLogger(SecurityLog.NAME);

    private final ClientIpRateLimiter limiter;
    private final HttpMetrics metrics;

    MailSendingLimit(ClientIpRateLimiter limiter, HttpMetrics metrics) {
        this.limiter = limiter;
        this.metrics = metrics;
    }

    /**
     * Takes one permit for the caller, to be called after authentication and body validation and
     * right before the use case, so that refused and invalid requests cost nothing.
     *
     * @throws RejectedRequest {@code RateLimited} when the caller's allowance is used up
     */
    void admit(Context ctx) {
        String client = ClientIp.of(ctx);
        limiter.acquire(client).ifPresent(wait -> {
            metrics.clientIpLimited();
            SECURITY.atWarn().addKeyValue("event", "rate_limited").addKeyValue("limit", "per_ip")
                    .addKeyValue("client_ip", client)
                    .log("rate_limited per_ip client_ip={}", client);
            throw new RejectedRequest(new HttpProblem.RateLimited(wait));
        });
    }
}
