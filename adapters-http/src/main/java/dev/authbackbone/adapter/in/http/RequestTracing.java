package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.domain.audit.RequestOrigin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id and writes one log line and one measurement when it is answered. The
 * id is the client's {@code X-Request-Id} when that is sane, a fresh UUID otherwise; it is echoed
 * in the response, put in the logging context (MDC key {@value #MDC_KEY}) for every line logged
 * while the request is handled, and handed to the use cases in the {@link RequestOrigin}.
 *
 * <p>The line holds the method, the route's template (never the path or query, which may hold a
 * token), the status and the duration; no header, so no {@code Authorization}.
 */
final class RequestTracing {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    /** The route label of requests no route matched. */
    static final String UNMATCHED = "unmatched";
    /** The method label of requests whose method is none of HTTP's own: any token is a method to the parser. */
    static final String OTHER_METHOD = "other";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    /** Enough for a UUID or a trace id, and nothing that could break a log line or a header. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String STARTED = "auth-backbone.started";
    private static final String ID = "auth-backbone.request-id";
    private static final Logger LOG = LoggerFactory.getLogger("auth-backbone.http");

    private final HttpMetrics metrics;

    RequestTracing(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    void addTo(RoutesConfig routes) {
        routes.before(this::begin);
        routes.after(this::end);
    }

    private void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
        String id = requestIdFrom(ctx);
        ctx.attribute(ID, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    private void end(Context ctx) {
        try {
            Long started = ctx.attribute(STARTED);
            long nanos = started == null ? 0 : System.nanoTime() - started;
            String method = method(ctx);
            String route = route(ctx);
            int status = ctx.statusCode();
            metrics.requestHandled(method, route, status, nanos);
            LOG.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("route", route)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", nanos / 1_000_000.0)
                    .log("{} {} {} {} ms", method, route, status, nanos / 1_000_000);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /**
     * The method as a label: a client may send any token as its method, and one label each would
     * grow the metrics without bound (a scrape of megabytes, then an exhausted heap).
     */
    private static String method(Context ctx) {
        String name = ctx.method().name();
        return METHODS.contains(name) ? name : OTHER_METHOD;
    }

    private static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }

    private static String requestIdFrom(Context ctx) {
        List<String> given = Collections.list(ctx.req().getHeaders(HEADER));
        if (given.size() == 1 && SANE_ID.matcher(given.get(0)).matches()) {
            return given.get(0);
        }
        return UUID.randomUUID().toString();
    }

    /** The id {@link #begin} gave this request. */
    static String requestId(Context ctx) {
        String id = ctx.attribute(ID);
        return id == null ? UUID.randomUUID().toString() : id;
    }

    /** Where the request came from, for the use cases' audit events. */
    static RequestOrigin origin(Context ctx) {
        String ip = ClientIp.of(ctx);
        boolean usable = ip != null && !ip.isEmpty() && ip.length() <= RequestOrigin.MAX_LENGTH
                && ip.chars().allMatch(c -> c > ' ' && c <= '~');
        return usable ? RequestOrigin.of(ip, requestId(ctx))
                : new RequestOrigin(java.util.Optional.empty(), java.util.Optional.of(requestId(ctx)));
    }
}
