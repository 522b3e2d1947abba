package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.error.HttpProblem.BodyNotAnObject;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MalformedJson;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MissingBody;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.adapter.in.http.wire.MediaTypes;
import java.util.Map;

/**
 * The dialect of {@code /auth/...} JSON routes and of every path outside {@code /api}:
 * every error is {@code {"code": <status as int>, "message": "<sentence>"}}.
 *
 * <pre>
 * outcome                    status  message
 * MalformedJson              400     "The request body is not valid JSON."
 * MissingBody                400     "A JSON object is required as the request body."
 * BodyNotAnObject            400     "The request body must be a JSON object."
 * MissingField, NotAString   422     names the field
 * InvalidEmail               422     the domain's reason, e.g. "An email address must have an @-sign."
 * NotAuthenticated           401
 * InvalidAccessToken         401
 * AccountDisabled            403
 * AlreadyConfirmed           403
 * NotFound                   404
 * NoPendingConfirmation      404
 * MethodNotAllowed           405
 * BodyTooLarge               413
 * UnsupportedMediaType       415
 * RateLimited                429
 * MailUnavailable            503
 * StorageUnavailable         503
 * Refused                    Jetty's status (400, 408, 414, 431, 503 for a full body budget...)
 * Internal                   500
 * </pre>
 */
final class AuthErrorDialect implements ErrorDialect {

    private static final int BAD_REQUEST = 400;

    private final Json json;

    AuthErrorDialect(Json json) {
        this.json = json;
    }

    @Override
    public Rendered render(HttpProblem problem) {
        int status = problem.status();
        if (problem instanceof MalformedJson || problem instanceof MissingBody || problem instanceof BodyNotAnObject) {
            status = BAD_REQUEST;
        }
        return new Rendered(status, MediaTypes.JSON, json.write(new CodeMessage(status, problem.sentence())), Map.of());
    }

    /** The {@code {code, message}} error body. */
    record CodeMessage(int code, String message) {}
}
