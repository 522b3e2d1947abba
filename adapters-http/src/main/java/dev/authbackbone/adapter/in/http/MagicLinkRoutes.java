package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Passwordless sign-in by JSON: asking for a magic link, and trading its token for an access token. */
final class MagicLinkRoutes implements RouteGroup {

    static final String REQUEST = "/api/auth/magic-link";
    static final String VERIFY = "/api/auth/magic-link/verify";

    static final String REQUEST_ACCEPTED = "If that address can sign in, a sign-in link has been sent.";

    private final RequestSignInLinkUseCase requestSignInLink;
    private final SignInWithLinkUseCase signInWithLink;
    private final TokenEndpoints tokenShape;
    private final AccessTokens accessTokens;
    private final RequestBodies bodies;
    private final MailSendingLimit limit;
    private final Responses responses;

    MagicLinkRoutes(RequestSignInLinkUseCase requestSignInLink, SignInWithLinkUseCase signInWithLink, TokenEndpoints tokenShape,
                    AccessTokens accessTokens, RequestBodies bodies, MailSendingLimit limit, Responses responses) {
        this.requestSignInLink = requestSignInLink;
        this.signInWithLink = signInWithLink;
        this.tokenShape = tokenShape;
        this.accessTokens = accessTokens;
        this.bodies = bodies;
        this.limit = limit;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(REQUEST, this::request);
        routes.post(VERIFY, this::verify);
    }

    private void request(Context ctx) {
        EmailAddress email = JsonFields.requiredEmail(bodies.jsonObject(ctx, false), "email");
        limit.admit(ctx);
        Outcomes.accepted(requestSignInLink.request(new RequestSignInLinkCommand(email, RequestTracing.origin(ctx))));
        responses.json(ctx, 202, new MessageBody(REQUEST_ACCEPTED));
    }

    private void verify(Context ctx) {
        String token = JsonFields.requiredString(bodies.jsonObject(ctx, false), "token");
        SignInWithLinkResult.SignedIn signedIn = Outcomes.signedIn(tokenShape.wellFormed(token, "sign_in")
                ? signInWithLink.signIn(new SignInWithLinkCommand(token, RequestTracing.origin(ctx)))
                : new SignInWithLinkResult.InvalidToken());
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session().id());
        responses.json(ctx, 200, AccessTokenBody.of(issued, signedIn.session()));
    }
}
