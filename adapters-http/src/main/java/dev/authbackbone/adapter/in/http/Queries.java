package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.wire.FormBody;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Query parameters, decoded strictly by the same rules as a form body, so that a broken percent
 * escape is a client mistake we answer rather than an exception from a lenient decoder.
 */
final class Queries {

    private Queries() {}

    /** Every value of {@code name} in the request's query, in order. */
    static List<String> values(Context ctx, String name) throws FormBody.MalformedFormException {
        String query = ctx.queryString();
        if (query == null) {
            return List.of();
        }
        return FormBody.parse(query.getBytes(StandardCharsets.UTF_8)).values(name);
    }
}
