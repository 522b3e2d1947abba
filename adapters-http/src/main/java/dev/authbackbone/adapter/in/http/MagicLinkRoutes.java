package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.RequestSignInLinkUseCase;
import dev.authbackbone.domain.port.in.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.SignInWithLinkUseCase;
import dev.authbackbone.domain.session.StartedSession;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Passwordless sign-in by JSON: asking for a magic link, and trading its token for an access token. */
final class MagicLinkRoutes implements RouteGroup {

    static final String REQUEST = "/api/auth/magic-link";
    static final String VERIFY = "/api/auth/magic-link/verify";

    static final String REQUEST_ACCEPTED = "If that address can sign in, a sign-in link has been sent.";

    private final RequestSignInLinkUseCase requestSignInLink;
    private final SignInWithLinkUseCase signInWithLink;
    private final AccessTokens accessTokens;
    private final RequestBodies bodies;
    private final MailSendingLimit limit;
    private final Responses responses;

    MagicLinkRoutes(RequestSignInLinkUseCase requestSignInLink, SignInWithLinkUseCase signInWithLink,
                    AccessTokens accessTokens, RequestBodies bodies, MailSendingLimit limit, Responses responses) {
        this.requestSignInLink = requestSignInLink;
        this.signInWithLink = signInWithLink;
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
        RequestSignInLinkResult result = requestSignInLink.request(new RequestSignInLinkCommand(email, RequestTracing.origin(ctx)));
        if (result instanceof RequestSignInLinkResult.Accepted) {
            responses.json(ctx, 202, new EmailConfirmationRoutes.MessageBody(REQUEST_ACCEPTED));
            return;
        }
        throw Refusals.rejection(result);
    }

    private void verify(Context ctx) {
        String token = JsonFields.requiredString(bodies.jsonObject(ctx, false), "token");
        SignInWithLinkResult.SignedIn signedIn = signIn(signInWithLink, token, ctx);
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session().id());
        responses.json(ctx, 200, AccessTokenBody.of(issued, signedIn.session()));
    }

    /**
     * Uses a magic-link token: the account it signs in to and the session it started.
     *
     * @throws RejectedRequest {@code InvalidSignInToken} for any token that does not sign in
     */
    static SignInWithLinkResult.SignedIn signIn(SignInWithLinkUseCase useCase, String token, Context ctx) {
        SignInWithLinkResult result = useCase.signIn(new SignInWithLinkCommand(token, RequestTracing.origin(ctx)));
        if (result instanceof SignInWithLinkResult.SignedIn signedIn) {
            return signedIn;
        }
        throw new RejectedRequest(new HttpProblem.InvalidSignInToken());
    }

    /** OAuth 2's token response (RFC 6749 section 5.1), with the session's next refresh token. */
    record AccessTokenBody(@JsonProperty("access_token") String accessToken,
                           @JsonProperty("token_type") String tokenType,
                           @JsonProperty("expires_in") long expiresIn,
                           @JsonProperty("refresh_token") String refreshToken) {

        static AccessTokenBody of(IssuedAccessToken issued, StartedSession session) {
            return new AccessTokenBody(issued.value(), "bearer", issued.expiresIn().toSeconds(),
                    session.refreshToken().reveal());
        }

        @Override
        public String toString() {
            return "AccessTokenBody[redacted]";
        }
    }
}
