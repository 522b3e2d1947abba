package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.adapter.in.http.wire.MediaTypes;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Writes successful answers: JSON records and pages, each with the headers its kind needs. */
final class Responses {

    private final Json json;

    Responses(Json json) {
        this.json = json;
    }

    /**
     * A JSON answer. Nothing this service answers may be cached: bodies hold tokens, addresses or
     * account data, so {@code no-store} goes on every one.
     */
    void json(Context ctx, int status, Object body) {
        ctx.status(status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(MediaTypes.JSON);
        ctx.result(json.write(body));
    }

    /** An HTML page with the pages' security headers. */
    void page(Context ctx, int status, String html) {
        ctx.status(status);
        Pages.headers().forEach(ctx::header);
        ctx.contentType(Pages.CONTENT_TYPE);
        ctx.result(html.getBytes(StandardCharsets.UTF_8));
    }
}
