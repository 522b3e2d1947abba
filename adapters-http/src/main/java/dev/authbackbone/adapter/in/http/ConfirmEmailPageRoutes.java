package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The page a confirmation mail links to. Opening it only shows a Confirm button, naming the address
 * and the account that asked when the token can still be used (a read-only look-up): mail scanners and link previews follow
 * links, and must not use up the token; pressing the button posts it.
 */
final class ConfirmEmailPageRoutes implements RouteGroup {

    static final String PATH = "/auth/confirm-email";

    private final ConfirmEmailUseCase confirmEmail;
    private final PreviewConfirmationUseCase preview;
    private final TokenEndpoints tokenShape;
    private final RequestBodies bodies;
    private final Responses responses;

    ConfirmEmailPageRoutes(ConfirmEmailUseCase confirmEmail, PreviewConfirmationUseCase preview, TokenEndpoints tokenShape,
                           RequestBodies bodies, Responses responses) {
        this.confirmEmail = confirmEmail;
        this.preview = preview;
        this.tokenShape = tokenShape;
        this.bodies = bodies;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.head(PATH, this::show);
        routes.post(PATH, this::confirm);
    }

    private void show(Context ctx) {
        String token = LinkTokens.fromQuery(ctx);
        Optional<PreviewConfirmationResult.Pending> pending = Outcomes.pending(preview.preview(
                new PreviewConfirmationCommand(token)));
        responses.page(ctx, 200, Pages.confirmEmail(token, pending.map(p -> p.address().value()),
                pending.map(PreviewConfirmationResult.Pending::requesterMaskedPrimary)));
    }

    private void confirm(Context ctx) {
        String token = LinkTokens.fromForm(bodies.form(ctx));
        EmailAddress confirmed = Outcomes.confirmed(tokenShape.wellFormed(token, "email_confirmation")
                ? confirmEmail.confirm(new ConfirmEmailCommand(token, RequestTracing.origin(ctx)))
                : new ConfirmEmailResult.InvalidToken());
        responses.page(ctx, 200, Pages.emailConfirmed(confirmed.value()));
    }
}
