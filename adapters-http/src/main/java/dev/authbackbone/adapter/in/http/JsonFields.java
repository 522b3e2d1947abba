package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.email.InvalidEmailAddressException;
import java.util.Optional;

/**
 * Field checks on a JSON body, in pydantic's order: present, then a string, then a valid value.
 * Unknown fields are ignored, as pydantic does by default.
 */
final class JsonFields {

    private JsonFields() {}

    /** A field that must be present and a string (any string: the use case judges its content). */
    static String requiredString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            throw new RejectedRequest(new HttpProblem.MissingField(field, body));
        }
        if (!value.isTextual()) {
            throw new RejectedRequest(new HttpProblem.NotAString(field, value));
        }
        return value.textValue();
    }

    /** A field that must be present and an email address we accept. */
    static EmailAddress requiredEmail(ObjectNode body, String field) {
        return email(body, field, requiredString(body, field));
    }

    /** A field that may be absent; when present it must be an email address we accept ({@code null} is not one). */
    static Optional<EmailAddress> optionalEmail(ObjectNode body, String field) {
        if (!body.has(field)) {
            return Optional.empty();
        }
        return Optional.of(requiredEmail(body, field));
    }

    private static EmailAddress email(ObjectNode body, String field, String text) {
        try {
            return EmailAddress.parse(text);
        } catch (InvalidEmailAddressException e) {
            throw new RejectedRequest(new HttpProblem.InvalidEmail(field, body.get(field), e.reason()));
        }
    }
}
