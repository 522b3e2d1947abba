package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.wire.FormBody;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Where the link pages find their token: the query of the link, then the field of the form. */
final class LinkTokens {

    private LinkTokens() {}

    /** The one {@code token} query parameter of a link; a query that cannot be decoded is a broken link. */
    static String fromQuery(Context ctx) {
        try {
            return single(Queries.values(ctx, "token"));
        } catch (FormBody.MalformedFormException e) {
            throw new RejectedRequest(new HttpProblem.MissingLinkToken());
        }
    }

    /** The one {@code token} field of a posted form. */
    static String fromForm(FormBody form) {
        return single(form.values("token"));
    }

    /**
     * The one {@code token} of a posted form or, for a POST to the link itself ({@code ?token=}),
     * of its query: exactly one of the two, since two tokens in one request are a made-up link.
     */
    static String fromFormOrQuery(FormBody form, Context ctx) {
        List<String> values = new ArrayList<>(form.values("token"));
        try {
            values.addAll(Queries.values(ctx, "token"));
        } catch (FormBody.MalformedFormException e) {
            throw new RejectedRequest(new HttpProblem.MissingLinkToken());
        }
        return single(values);
    }

    /** Exactly one non-blank value: two tokens in one request are a made-up link, not a mailed one. */
    private static String single(List<String> values) {
        if (values.size() != 1 || values.get(0).isBlank()) {
            throw new RejectedRequest(new HttpProblem.MissingLinkToken());
        }
        return values.get(0);
    }
}
