package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeUseCase;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationUseCase;
import dev.authbackbone.domain.session.Caller;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Linking an address by JSON: asking for a confirmation mail, confirming with the mailed token (or,
 * signed in as the account that asked, with the mailed code), and having a pending confirmation sent again.
 */
final class EmailConfirmationRoutes implements RouteGroup {

    static final String REQUEST = "/api/auth/request-email-confirmation";
    static final String CONFIRM = "/api/auth/confirm-email";
    static final String CONFIRM_CODE = "/api/auth/confirm-email-code";
    static final String RESEND = "/auth/send-email-confirmation";

    static final String REQUEST_ACCEPTED = "If that email can be linked, a confirmation email has been sent.";
    static final String CONFIRMED = "Email confirmed.";

    private final RequestEmailConfirmationUseCase requestConfirmation;
    private final ConfirmEmailUseCase confirmEmail;
    private final ConfirmEmailWithCodeUseCase confirmEmailWithCode;
    private final TokenEndpoints tokenShape;
    private final ResendEmailConfirmationUseCase resendConfirmation;
    private final BearerAuthentication bearer;
    private final RequestBodies bodies;
    private final MailSendingLimit limit;
    private final Responses responses;

    EmailConfirmationRoutes(RequestEmailConfirmationUseCase requestConfirmation, ConfirmEmailUseCase confirmEmail,
                            ConfirmEmailWithCodeUseCase confirmEmailWithCode, TokenEndpoints tokenShape,
                            ResendEmailConfirmationUseCase resendConfirmation, BearerAuthentication bearer,
                            RequestBodies bodies, MailSendingLimit limit, Responses responses) {
        this.requestConfirmation = requestConfirmation;
        this.confirmEmail = confirmEmail;
        this.confirmEmailWithCode = confirmEmailWithCode;
        this.tokenShape = tokenShape;
        this.resendConfirmation = resendConfirmation;
        this.bearer = bearer;
        this.bodies = bodies;
        this.limit = limit;
        this.responses = responses;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(REQUEST, this::request);
        routes.post(CONFIRM, this::confirm);
        routes.post(CONFIRM_CODE, this::confirmCode);
        routes.post(RESEND, this::resend);
    }

    private void request(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        EmailAddress email = JsonFields.requiredEmail(bodies.jsonObject(ctx, false), "email");
        limit.admit(ctx);
        Outcomes.accepted(requestConfirmation.request(new RequestEmailConfirmationCommand(caller, email, RequestTracing.origin(ctx))));
        responses.json(ctx, 202, new MessageBody(REQUEST_ACCEPTED));
    }

    private void confirm(Context ctx) {
        String token = JsonFields.requiredString(bodies.jsonObject(ctx, false), "token");
        EmailAddress confirmed = Outcomes.confirmed(tokenShape.wellFormed(token, "email_confirmation")
                ? confirmEmail.confirm(new ConfirmEmailCommand(token, RequestTracing.origin(ctx)))
                : new ConfirmEmailResult.InvalidToken());
        responses.json(ctx, 200, new ConfirmedBody(CONFIRMED, confirmed.value()));
    }

    /** The same answer as {@link #confirm}, for the account that asked, the address and the code of its mail. */
    private void confirmCode(Context ctx) {
        AccountId account = bearer.require(ctx);
        ObjectNode body = bodies.jsonObject(ctx, false);
        EmailAddress email = JsonFields.requiredEmail(body, "email");
        String code = JsonFields.requiredString(body, "code");
        EmailAddress confirmed = Outcomes.confirmed(tokenShape.wellFormedCode(code, "email_confirmation")
                ? confirmEmailWithCode.confirm(new ConfirmEmailWithCodeCommand(account, email, code, RequestTracing.origin(ctx)))
                : new ConfirmEmailResult.InvalidToken(), Outcomes.Presented.CODE);
        responses.json(ctx, 200, new ConfirmedBody(CONFIRMED, confirmed.value()));
    }

    private void resend(Context ctx) {
        Caller caller = bearer.requireCaller(ctx);
        ObjectNode body = bodies.jsonObject(ctx, true);
        Optional<EmailAddress> email = JsonFields.optionalEmail(body, "email");
        limit.admit(ctx);
        EmailAddress sent = Outcomes.sent(resendConfirmation.resend(new ResendEmailConfirmationCommand(caller, email,
                RequestTracing.origin(ctx))));
        responses.json(ctx, 200, new SentBody(sent.value(), true));
    }

    /** The answer to a confirmation. */
    record ConfirmedBody(String message, String email) {}

    /** The answer to a re-send. */
    record SentBody(String email, boolean sent) {}
}
