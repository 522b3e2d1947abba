package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.connection.WholeRequestHandler;
import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidAccessToken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MailUnavailable;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MethodNotAllowed;
import dev.authbackbone.adapter.in.http.error.HttpProblem.NotAuthenticated;
import dev.authbackbone.adapter.in.http.error.HttpProblem.RateLimited;
import dev.authbackbone.adapter.in.http.error.HttpProblem.StorageUnavailable;
import dev.authbackbone.adapter.in.http.wire.Json;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Answers a problem in the dialect of the path's route family: {@code /api/...} in FastAPI's,
 * the bundled pages in HTML, everything else in {@code {code, message}}. It also adds the headers
 * that belong to the problem rather than to a dialect ({@code WWW-Authenticate}, {@code Retry-After},
 * {@code Allow}).
 */
public final class ErrorResponses {

    private final ErrorDialect api;
    private final ErrorDialect auth;
    private final ErrorDialect page;
    private final Set<String> pagePaths;

    /** {@code pagePaths} are the paths that answer in HTML, such as {@code /auth/confirm-email}. */
    public ErrorResponses(Json json, Set<String> pagePaths) {
        this.api = new ApiErrorDialect(json);
        this.auth = new AuthErrorDialect(json);
        this.page = new PageErrorDialect();
        this.pagePaths = Set.copyOf(pagePaths);
    }

    /** Writes the answer to {@code problem} into a Javalin context. */
    public void send(Context ctx, HttpProblem problem) {
        Rendered answer = render(ctx.path(), problem);
        ctx.status(answer.status());
        answer.headers().forEach(ctx::header);
        if (!bodyFullyRead(ctx)) {
            ctx.header("Connection", "close");
        }
        ctx.contentType(answer.contentType());
        ctx.result(answer.body());
    }

    /**
     * Whether the whole request body arrived before the route ran (see the connection package), in
     * which case nothing is left on the wire. Otherwise (a body declared far too large, or one that
     * went on and on) it is not drained on this thread, which a slow client could hold for as long as
     * it trickles: the answer says {@code Connection: close} instead.
     */
    private static boolean bodyFullyRead(Context ctx) {
        return Boolean.TRUE.equals(ctx.req().getAttribute(WholeRequestHandler.ARRIVED));
    }

    /** The answer to {@code problem} on {@code path} (which may be null when the request line was unreadable). */
    public Rendered render(String path, HttpProblem problem) {
        Rendered answer = dialectFor(path).render(problem);
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.putIfAbsent("Cache-Control", "no-store");
        headers.putIfAbsent("X-Content-Type-Options", "nosniff");
        if (problem instanceof NotAuthenticated) {
            headers.put("WWW-Authenticate", "Bearer");
        } else if (problem instanceof InvalidAccessToken) {
            headers.put("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        } else if (problem instanceof RateLimited p) {
            headers.put("Retry-After", retryAfterSeconds(p.retryAfter()));
        } else if (problem instanceof MailUnavailable p) {
            headers.put("Retry-After", retryAfterSeconds(p.retryAfter()));
        } else if (problem instanceof StorageUnavailable p) {
            headers.put("Retry-After", retryAfterSeconds(p.retryAfter()));
        } else if (problem instanceof MethodNotAllowed p && !p.allowed().isEmpty()) {
            headers.put("Allow", String.join(", ", p.allowed()));
        }
        return new Rendered(answer.status(), answer.contentType(), answer.body(), headers);
    }

    private ErrorDialect dialectFor(String path) {
        if (path == null) {
            return auth;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            return api;
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return pagePaths.contains(trimmed) ? page : auth;
    }

    /** Whole seconds, rounded up, at least one: a client that waits that long will not be refused for waiting too little. */
    static String retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(0, retryAfter.toMillis());
        return Long.toString(Math.max(1, (millis + 999) / 1000));
    }
}
