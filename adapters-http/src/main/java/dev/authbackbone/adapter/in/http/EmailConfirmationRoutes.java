package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.ConfirmEmailUseCase;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.RequestEmailConfirmationUseCase;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.ResendEmailConfirmationUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Linking an address by JSON: asking for a confirmation mail, confirming with the mailed token,
 * and having a pending confirmation sent again (in the {@code /auth} dialect).
 */
final class EmailConfirmationRoutes implements RouteGroup {

    static final String REQUEST = "/api/auth/request-email-confirmation";
    static final String CONFIRM = "/api/auth/confirm-email";
    static final String RESEND = "/auth/send-email-confirmation";

    static final String REQUEST_ACCEPTED = "If that email can be linked, a confirmation email has been sent.";
    static final String CONFIRMED = "Email confirmed.";

    private final RequestEmailConfirmationUseCase requestConfirmation;
    private final ConfirmEmailUseCase confirmEmail;
    private final ResendEmailConfirmationUseCase resendConfirmation;
    private final BearerAuthentication bearer;
    private final RequestBodies bodies;
    private final MailSendingLimit limit;
    private final Responses responses;

    EmailConfirmationRoutes(RequestEmailConfirmationUseCase requestConfirmation, ConfirmEmailUseCase confirmEmail,
                            ResendEmailConfirmationUseCase resendConfirmation, BearerAuthentication bearer,
                            RequestBodies bodies, MailSendingLimit limit, Responses responses) {
        this.requestConfirmation = requestConfirmation;
        this.confirmEmail = confirmEmail;
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
        routes.post(RESEND, this::resend);
    }

    private void request(Context ctx) {
        AccountId account = bearer.require(ctx);
        EmailAddress email = JsonFields.requiredEmail(bodies.jsonObject(ctx, false), "email");
        limit.admit(ctx);
        answer(ctx, requestConfirmation.request(new RequestEmailConfirmationCommand(account, email, RequestTracing.origin(ctx))));
    }

    private void answer(Context ctx, RequestEmailConfirmationResult result) {
        if (result instanceof RequestEmailConfirmationResult.Accepted) {
            responses.json(ctx, 202, new MessageBody(REQUEST_ACCEPTED));
            return;
        }
        throw Refusals.rejection(result);
    }

    private void confirm(Context ctx) {
        String token = JsonFields.requiredString(bodies.jsonObject(ctx, false), "token");
        answer(ctx, confirmEmail.confirm(new ConfirmEmailCommand(token, RequestTracing.origin(ctx))));
    }

    private void answer(Context ctx, ConfirmEmailResult result) {
        if (result instanceof ConfirmEmailResult.Confirmed confirmed) {
            responses.json(ctx, 200, new ConfirmedBody(CONFIRMED, confirmed.email().value()));
        } else if (result instanceof ConfirmEmailResult.AddressTaken) {
            throw new RejectedRequest(new HttpProblem.AddressTaken());
        } else {
            throw new RejectedRequest(new HttpProblem.InvalidConfirmationToken());
        }
    }

    private void resend(Context ctx) {
        AccountId account = bearer.require(ctx);
        ObjectNode body = bodies.jsonObject(ctx, true);
        Optional<EmailAddress> email = JsonFields.optionalEmail(body, "email");
        limit.admit(ctx);
        answer(ctx, resendConfirmation.resend(new ResendEmailConfirmationCommand(account, email, RequestTracing.origin(ctx))));
    }

    private void answer(Context ctx, ResendEmailConfirmationResult result) {
        if (result instanceof ResendEmailConfirmationResult.Sent sent) {
            responses.json(ctx, 200, new SentBody(sent.email().value(), true));
        } else if (result instanceof ResendEmailConfirmationResult.AlreadyConfirmed) {
            throw new RejectedRequest(new HttpProblem.AlreadyConfirmed());
        } else if (result instanceof ResendEmailConfirmationResult.NoPendingConfirmation) {
            throw new RejectedRequest(new HttpProblem.NoPendingConfirmation());
        } else {
            throw Refusals.rejection(result);
        }
    }

    /** The {@code /api} dialect's {@code MessageResponse}. */
    record MessageBody(String message) {}

    /** The answer to a confirmation. */
    record ConfirmedBody(String message, String email) {}

    /** The answer to a re-send. */
    record SentBody(String email, boolean sent) {}
}
