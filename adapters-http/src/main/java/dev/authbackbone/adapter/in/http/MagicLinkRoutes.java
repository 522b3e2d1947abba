package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeUseCase;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Passwordless sign-in by JSON: asking for a magic link, and trading its token, or the code mailed
 * with it, for an access token.
 */
final class MagicLinkRoutes implements RouteGroup {

    static final String REQUEST = "/api/auth/magic-link";
    static final String VERIFY = "/api/auth/magic-link/verify";
    static final String VERIFY_CODE = "/api/auth/magic-link/verify-code";

    static final String REQUEST_ACCEPTED = "If that address can sign in, a sign-in link has been sent.";

    private final RequestSignInLinkUseCase requestSignInLink;
    private final SignInWithLinkUseCase signInWithLink;
    private final SignInWithCodeUseCase signInWithCode;
    private final TokenEndpoints tokenShape;
    private final AccessTokens accessTokens;
    private final RequestBodies bodies;
    private final MailSendingLimit limit;
    private final Responses responses;

    MagicLinkRoutes(RequestSignInLinkUseCase requestSignInLink, SignInWithLinkUseCase signInWithLink,
                    SignInWithCodeUseCase signInWithCode, TokenEndpoints tokenShape,
                    AccessTokens accessTokens, RequestBodies bodies, MailSendingLimit limit, Responses responses) {
        this.requestSignInLink = requestSignInLink;
        this.signInWithLink = signInWithLink;
        this.signInWithCode = signInWithCode;
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
        routes.post(VERIFY_CODE, this::verifyCode);
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
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session());
        responses.json(ctx, 200, AccessTokenBody.of(issued, signedIn.session()));
    }

    /** The same answer as {@link #verify}, for the address and the code of its mail. */
    private void verifyCode(Context ctx) {
        ObjectNode body = bodies.jsonObject(ctx, false);
        EmailAddress email = JsonFields.requiredEmail(body, "email");
        String code = JsonFields.requiredString(body, "code");
        SignInWithLinkResult.SignedIn signedIn = Outcomes.signedIn(tokenShape.wellFormedCode(code, "sign_in")
                ? signInWithCode.signIn(new SignInWithCodeCommand(email, code, RequestTracing.origin(ctx)))
                : new SignInWithLinkResult.InvalidToken(), Outcomes.Presented.CODE);
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session());
        responses.json(ctx, 200, AccessTokenBody.of(issued, signedIn.session()));
    }
}
