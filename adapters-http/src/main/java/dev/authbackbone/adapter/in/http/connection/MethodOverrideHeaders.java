package dev.authbackbone.adapter.in.http.connection;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Removes the headers that ask a server to treat a request as another method, so that the method
 * on the request line is the only method the routes, the limits and the request log ever see.
 *
 * <p>Javalin routes by {@code X-HTTP-Method-Override} when it is present ({@code Context.method()}):
 * a GET that only shows a confirmation page could run as the POST that spends the token, and a POST
 * could be logged as a DELETE. Nothing of ours needs an override (the pages are plain HTML forms),
 * so the headers are dropped before Javalin is reached, the variants other frameworks read too, in
 * case a later version or plugin starts honouring one of them. A {@code _method} parameter is
 * honoured by neither Javalin nor Jetty and stays an ordinary parameter the routes ignore.
 */
public final class MethodOverrideHeaders extends Handler.Wrapper {

    /** The override headers known to frameworks; matched case-insensitively, as header names are. */
    static final List<String> NAMES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields headers = request.getHeaders();
        if (NAMES.stream().noneMatch(headers::contains)) {
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable kept = HttpFields.build(headers);
        NAMES.forEach(kept::remove);
        return super.handle(new WithHeaders(request, kept.asImmutable()), response, callback);
    }

    /** The request with other headers; everything else is the request's own. */
    private static final class WithHeaders extends Request.Wrapper {

        private final HttpFields headers;

        WithHeaders(Request wrapped, HttpFields headers) {
            super(wrapped);
            this.headers = headers;
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }
    }
}
