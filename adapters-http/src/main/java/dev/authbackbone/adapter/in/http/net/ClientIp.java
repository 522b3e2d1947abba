package dev.authbackbone.adapter.in.http.net;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Objects;

/**
 * Works out each request's client address once, before any route runs, and keeps it on the
 * request: limits, logs and audit events all read {@link #of(Context)}.
 */
public final class ClientIp {

    private static final String ATTRIBUTE = "auth-backbone.client-ip";

    private final TrustedProxies trustedProxies;

    public ClientIp(TrustedProxies trustedProxies) {
        this.trustedProxies = Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /** Registers the before-handler that resolves the address; must come before every handler that reads it. */
    public void addTo(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(ATTRIBUTE, trustedProxies.clientOf(peer(ctx),
                Collections.list(ctx.req().getHeaders("X-Forwarded-For")))));
    }

    /** The client's address: the socket peer, or the forwarded client when the peer is a trusted proxy. */
    public static String of(Context ctx) {
        String resolved = ctx.attribute(ATTRIBUTE);
        return resolved != null ? resolved : peer(ctx);
    }

    /** The socket's remote address, whoever it is. */
    public static String peer(Context ctx) {
        return ctx.req().getRemoteAddr();
    }
}
