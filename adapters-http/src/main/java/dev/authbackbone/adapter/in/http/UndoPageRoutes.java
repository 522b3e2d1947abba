package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeCommand;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The page the undo link of a primary-address change opens. Opening it only shows an Undo button
 * (mail scanners and link previews follow links and must not use it up, nor sign anyone out);
 * pressing the button posts the token.
 */
final class UndoPageRoutes implements RouteGroup {

    static final String PATH = "/auth/undo";

    private final UndoPrimaryChangeUseCase undo;
    private final TokenEndpoints tokenShape;
    private final RequestBodies bodies;
    private final Responses responses;

    UndoPageRoutes(UndoPrimaryChangeUseCase undo, TokenEndpoints tokenShape, RequestBodies bodies, Responses responses) {
        this.undo = undo;
        this.tokenShape = tokenShape;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.head(PATH, this::show);
        routes.post(PATH, this::undo);
    }

    private void show(Context ctx) {
        responses.page(ctx, 200, Pages.undoPrimaryChange(LinkTokens.fromQuery(ctx)));
    }

    private void undo(Context ctx) {
        // The route is written GET/POST /auth/undo?token=: the page's form posts the field, a client may post the link.
        String token = LinkTokens.fromFormOrQuery(bodies.form(ctx), ctx);
        EmailAddress primary = Outcomes.undone(tokenShape.wellFormed(token, "primary_undo")
                ? undo.undo(new UndoPrimaryChangeCommand(token, RequestTracing.origin(ctx)))
                : new UndoPrimaryChangeResult.InvalidToken());
        responses.page(ctx, 200, Pages.primaryChangeUndone(primary.value()));
    }
}
