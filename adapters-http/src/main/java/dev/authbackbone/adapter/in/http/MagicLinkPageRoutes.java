package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The page a magic-link mail links to. Opening it only shows a Sign in button (link scanners must
 * not use up the token); pressing it posts the token and shows the access token to copy.
 */
final class MagicLinkPageRoutes implements RouteGroup {

    static final String PATH = "/auth/magic-link";

    private final SignInWithLinkUseCase signInWithLink;
    private final TokenEndpoints tokenShape;
    private final AccessTokens accessTokens;
    private final RequestBodies bodies;
    private final Responses responses;
    private final String meUrl;

    MagicLinkPageRoutes(SignInWithLinkUseCase signInWithLink, TokenEndpoints tokenShape, AccessTokens accessTokens, RequestBodies bodies,
                        Responses responses, String meUrl) {
        this.signInWithLink = signInWithLink;
        this.tokenShape = tokenShape;
        this.accessTokens = accessTokens;
        this.bodies = bodies;
        this.responses = responses;
        this.meUrl = meUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.head(PATH, this::show);
        routes.post(PATH, this::signIn);
    }

    private void show(Context ctx) {
        responses.page(ctx, 200, Pages.signIn(LinkTokens.fromQuery(ctx)));
    }

    private void signIn(Context ctx) {
        String token = LinkTokens.fromForm(bodies.form(ctx));
        SignInWithLinkResult.SignedIn signedIn = Outcomes.signedIn(tokenShape.wellFormed(token, "sign_in")
                ? signInWithLink.signIn(new SignInWithLinkCommand(token, RequestTracing.origin(ctx)))
                : new SignInWithLinkResult.InvalidToken());
        // The page shows only the access token; its session ends after the idle lifetime, or when listed and ended.
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session().id());
        responses.page(ctx, 200, Pages.signedIn(issued.value(), issued.expiresIn(), meUrl));
    }
}
