package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.page.Pages;
import dev.authbackbone.adapter.in.http.wire.FormBody;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.email.InvalidEmailAddressException;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeUseCase;
import java.util.List;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.IssuedAccessToken;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * The page a magic-link mail links to. Opening it only shows a Sign in button (link scanners must
 * not use up the token); pressing it posts the token and shows the access token to copy. Its
 * sibling page takes the code from the mail instead, with the address it went to, and answers alike.
 */
final class MagicLinkPageRoutes implements RouteGroup {

    static final String PATH = "/auth/magic-link";
    static final String CODE_PATH = "/auth/magic-link/code";

    private final SignInWithLinkUseCase signInWithLink;
    private final SignInWithCodeUseCase signInWithCode;
    private final TokenEndpoints tokenShape;
    private final AccessTokens accessTokens;
    private final RequestBodies bodies;
    private final Responses responses;
    private final String meUrl;

    MagicLinkPageRoutes(SignInWithLinkUseCase signInWithLink, SignInWithCodeUseCase signInWithCode, TokenEndpoints tokenShape,
                        AccessTokens accessTokens, RequestBodies bodies, Responses responses, String meUrl) {
        this.signInWithLink = signInWithLink;
        this.signInWithCode = signInWithCode;
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
        routes.get(CODE_PATH, this::showCodeForm);
        routes.head(CODE_PATH, this::showCodeForm);
        routes.post(CODE_PATH, this::signInWithCode);
    }

    private void showCodeForm(Context ctx) {
        responses.page(ctx, 200, Pages.signInWithCode());
    }

    private void signInWithCode(Context ctx) {
        FormBody form = bodies.form(ctx);
        EmailAddress email = email(field(form, "email"));
        String code = field(form, "code");
        SignInWithLinkResult.SignedIn signedIn = Outcomes.signedIn(tokenShape.wellFormedCode(code, "sign_in")
                ? signInWithCode.signIn(new SignInWithCodeCommand(email, code, RequestTracing.origin(ctx)))
                : new SignInWithLinkResult.InvalidToken(), Outcomes.Presented.CODE);
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session());
        responses.page(ctx, 200, Pages.signedIn(issued.value(), issued.expiresIn(), meUrl));
    }

    /** The one value of a form field; a missing or repeated field is a form this page did not make. */
    private static String field(FormBody form, String name) {
        List<String> values = form.values(name);
        if (values.size() != 1 || values.get(0).isBlank()) {
            throw new RejectedRequest(new HttpProblem.MissingField(name, NullNode.getInstance()));
        }
        return values.get(0);
    }

    private static EmailAddress email(String text) {
        try {
            return EmailAddress.parse(text);
        } catch (InvalidEmailAddressException e) {
            throw new RejectedRequest(new HttpProblem.InvalidEmail("email", TextNode.valueOf(text), e.getMessage()));
        }
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
        IssuedAccessToken issued = accessTokens.issue(signedIn.account(), signedIn.session());
        responses.page(ctx, 200, Pages.signedIn(issued.value(), issued.expiresIn(), meUrl));
    }
}
