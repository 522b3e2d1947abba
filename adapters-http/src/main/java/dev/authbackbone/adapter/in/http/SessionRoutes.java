package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.port.in.session.RefreshSessionResult;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.Session;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Sessions: refreshing tokens, signing out here or everywhere, listing and ending one's sessions. */
final class SessionRoutes implements RouteGroup {

    static final String REFRESH = "/api/auth/token/refresh";
    static final String SIGN_OUT = "/api/auth/sign-out";
    static final String SIGN_OUT_EVERYWHERE = "/api/auth/sign-out-everywhere";
    static final String SESSIONS = "/api/auth/sessions";
    static final String SESSION = "/api/auth/sessions/{id}";

    private final SessionUseCases sessions;
    private final AccessTokens accessTokens;
    private final BearerAuthentication bearer;
    private final RequestBodies bodies;
    private final Responses responses;

    SessionRoutes(SessionUseCases sessions, AccessTokens accessTokens, BearerAuthentication bearer,
                  RequestBodies bodies, Responses responses) {
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.bearer = bearer;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(REFRESH, this::refresh);
        routes.post(SIGN_OUT, this::signOut);
        routes.post(SIGN_OUT_EVERYWHERE, this::signOutEverywhere);
        routes.get(SESSIONS, this::list);
        routes.head(SESSIONS, this::list);
        routes.delete(SESSION, this::end);
    }

    private void refresh(Context ctx) {
        String token = JsonFields.requiredString(bodies.jsonObject(ctx, false), "refresh_token");
        RefreshSessionResult.Rotated rotated = Outcomes.rotated(sessions.refresh().refresh(token, RequestTracing.origin(ctx)));
        IssuedAccessToken issued = accessTokens.issue(rotated.account(), rotated.next());
        responses.json(ctx, 200, AccessTokenBody.of(issued, rotated.next()));
    }

    private void signOut(Context ctx) {
        sessions.signOut().signOut(bearer.requireCaller(ctx));
        noContent(ctx);
    }

    private void signOutEverywhere(Context ctx) {
        sessions.signOutEverywhere().signOutEverywhere(bearer.requireCaller(ctx));
        noContent(ctx);
    }

    private void list(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        List<SessionEntry> entries = sessions.list().list(caller.account()).stream()
                .map(session -> entry(session, caller))
                .toList();
        responses.json(ctx, 200, new SessionsBody(entries));
    }

    private static SessionEntry entry(Session session, Caller caller) {
        return new SessionEntry(session.id().toString(), iso(session.createdAt()), iso(session.lastUsedAt()),
                session.id().equals(caller.session()));
    }

    private void end(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        Outcomes.ended(sessions.end().end(caller, ctx.pathParam("id")));
        noContent(ctx);
    }

    private static void noContent(Context ctx) {
        ctx.status(204);
        ctx.header("Cache-Control", "no-store");
        // Javalin gives every answer its default text/plain; an answer with no body has no type.
        ctx.res().setContentType(null);
    }

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** The account's live sessions, newest first. */
    record SessionsBody(List<SessionEntry> sessions) {}

    /** One live session; {@code current} marks the one the request's access token belongs to. */
    record SessionEntry(String id, @JsonProperty("created_at") String createdAt,
                        @JsonProperty("last_used_at") String lastUsedAt, boolean current) {}
}
