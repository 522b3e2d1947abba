package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidAccessToken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MailUnavailable;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MethodNotAllowed;
import dev.authbackbone.adapter.in.http.error.HttpProblem.NotAuthenticated;
import dev.authbackbone.adapter.in.http.error.HttpProblem.RateLimited;
import dev.authbackbone.adapter.in.http.error.HttpProblem.StorageUnavailable;
import dev.authbackbone.adapter.in.http.wire.Json;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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

    /** How much of an unwanted body is read to keep the answer deliverable; beyond it the connection closes. */
    static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

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
        if (!discardUnreadBody(ctx)) {
            ctx.header("Connection", "close");
        }
        ctx.contentType(answer.contentType());
        ctx.result(answer.body());
    }

    /**
     * Reads and drops what is left of the request body (at most {@link #MAX_DISCARDED_BYTES}), so that
     * an answer given before the body was read (413, 415, 401…) reaches the client: a server that
     * closes a connection with unread bytes in it makes TCP reset it, and the client may lose the
     * answer. Returns false when the connection should not be reused (too much left, or unreadable).
     */
    private static boolean discardUnreadBody(Context ctx) {
        HttpServletRequest request = ctx.req();
        long declared = request.getContentLengthLong();
        boolean chunked = request.getHeader("Transfer-Encoding") != null;
        if (declared <= 0 && !chunked) {
            return true;
        }
        if (declared > MAX_DISCARDED_BYTES) {
            return false;
        }
        try {
            InputStream in = request.getInputStream();
            byte[] sink = new byte[8192];
            long discarded = 0;
            int n;
            while ((n = in.read(sink)) >= 0) {
                discarded += n;
                if (discarded > MAX_DISCARDED_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
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
