package dev.authbackbone.adapter.in.http.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.authbackbone.adapter.in.http.error.HttpProblem.BodyNotAnObject;
import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidEmail;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MalformedJson;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MethodNotAllowed;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MissingBody;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MissingField;
import dev.authbackbone.adapter.in.http.error.HttpProblem.NotAString;
import dev.authbackbone.adapter.in.http.error.HttpProblem.NotAuthenticated;
import dev.authbackbone.adapter.in.http.error.HttpProblem.NotFound;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.adapter.in.http.wire.MediaTypes;
import java.util.List;
import java.util.Map;

/**
 * The {@code /api/...} dialect (FastAPI with pydantic v2). Validation errors are
 * {@code 422 {"detail": [{"type", "loc", "msg", "input", "ctx"?}]}}; every other error is
 * {@code {"detail": "<sentence>"}}.
 *
 * <pre>
 * outcome                    status  body
 * MalformedJson              422     type json_invalid, loc ["body", offset], msg "JSON decode error",
 *                                    input {}, ctx {"error": reason}
 * MissingBody                422     type missing, loc ["body"], msg "Field required", input null
 * BodyNotAnObject            422     type model_attributes_type, loc ["body"],
 *                                    msg "Input should be a valid dictionary or object to extract fields from"
 * MissingField               422     type missing, loc ["body", field], msg "Field required", input: the body
 * NotAString                 422     type string_type, loc ["body", field], msg "Input should be a valid string"
 * InvalidEmail               422     type value_error, loc ["body", field],
 *                                    msg "value is not a valid email address: " + reason, ctx {"reason"}
 * NotAuthenticated           401     "Not authenticated" (FastAPI's wording)
 * InvalidAccessToken         401     "Invalid or expired access token."
 * AccountDisabled            403     "This account is disabled."
 * NotFound                   404     "Not Found" (FastAPI's wording)
 * MethodNotAllowed           405     "Method Not Allowed" (FastAPI's wording)
 * InvalidConfirmationToken,
 * InvalidSignInToken,
 * InvalidCode,
 * InvalidRefreshToken        400     the problem's sentence
 * SessionNotFound            404     "No such session." 
 * AddressNotFound            404     the problem's sentence
 * PrimaryAddress             409     the problem's sentence
 * AddressTaken               409
 * BodyTooLarge               413
 * UnsupportedMediaType       415
 * RateLimited                429
 * MailUnavailable            503
 * StorageUnavailable         503     "The service is temporarily unavailable. Try again later."
 * Internal                   500
 * anything else              the problem's own status and sentence
 * </pre>
 */
final class ApiErrorDialect implements ErrorDialect {

    private static final int UNPROCESSABLE = 422;

    private final Json json;

    ApiErrorDialect(Json json) {
        this.json = json;
    }

    @Override
    public Rendered render(HttpProblem problem) {
        if (problem instanceof MalformedJson p) {
            return invalid(new ValidationError("json_invalid", List.of("body", p.offset()), "JSON decode error",
                    Json.emptyObject(), Map.of("error", p.reason())));
        }
        if (problem instanceof MissingBody) {
            return invalid(new ValidationError("missing", List.of("body"), "Field required", NullNode.getInstance(), null));
        }
        if (problem instanceof BodyNotAnObject p) {
            return invalid(new ValidationError("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", p.input(), null));
        }
        if (problem instanceof MissingField p) {
            return invalid(new ValidationError("missing", List.of("body", p.field()), "Field required", p.input(), null));
        }
        if (problem instanceof NotAString p) {
            return invalid(new ValidationError("string_type", List.of("body", p.field()),
                    "Input should be a valid string", p.input(), null));
        }
        if (problem instanceof InvalidEmail p) {
            return invalid(new ValidationError("value_error", List.of("body", p.field()),
                    "value is not a valid email address: " + p.reason(), p.input(), Map.of("reason", p.reason())));
        }
        if (problem instanceof NotAuthenticated) {
            return detail(problem.status(), "Not authenticated");
        }
        if (problem instanceof NotFound) {
            return detail(problem.status(), "Not Found");
        }
        if (problem instanceof MethodNotAllowed) {
            return detail(problem.status(), "Method Not Allowed");
        }
        return detail(problem.status(), problem.sentence());
    }

    private Rendered invalid(ValidationError error) {
        return new Rendered(UNPROCESSABLE, MediaTypes.JSON, json.write(new ValidationErrors(List.of(error))), Map.of());
    }

    private Rendered detail(int status, String sentence) {
        return new Rendered(status, MediaTypes.JSON, json.write(new Detail(sentence)), Map.of());
    }

    /** pydantic's error entry; {@code ctx} is left out when there is none, as pydantic does. */
    record ValidationError(String type, List<Object> loc, String msg, JsonNode input,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> ctx) {}

    /** FastAPI's {@code HTTPValidationError}. */
    record ValidationErrors(List<ValidationError> detail) {}

    /** FastAPI's {@code HTTPException} body. */
    record Detail(String detail) {}
}
