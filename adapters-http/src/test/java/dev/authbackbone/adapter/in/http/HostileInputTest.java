package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of hostile and odd request bodies: each gets its exact status in its route's dialect,
 * and nothing that is refused ever reaches a use case. The few that must be accepted (IDN domains,
 * surrounding spaces, unknown fields) reach it with the value the domain should see.
 */
class HostileInputTest {

    private static final String MAGIC_LINK = "/api/auth/magic-link";
    private static final String LINK_EMAIL = "/api/auth/request-email-confirmation";
    private static final String RESEND = "/auth/send-email-confirmation";
    private static final String JSON = "application/json";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    /**
     * One row: where it goes, what it sends, and what must come back. {@code type} is the pydantic
     * error type for 422 answers on {@code /api}; {@code acceptedAs} the address the use case must get.
     */
    record Case(String name, String path, String contentType, byte[] body, List<String> extraHeaders,
                int status, String type, String acceptedAs) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Malformed JSON in its many shapes.
        cases.add(refused("unterminated object", MAGIC_LINK, "{\"email\": ", 422, "json_invalid"));
        cases.add(refused("trailing garbage", MAGIC_LINK, "{\"email\": \"a@example.org\"} x", 422, "json_invalid"));
        cases.add(refused("two JSON texts", MAGIC_LINK, "{} {}", 422, "json_invalid"));
        cases.add(refused("single quotes", MAGIC_LINK, "{'email': 'a@example.org'}", 422, "json_invalid"));
        cases.add(refused("comment", MAGIC_LINK, "{\"email\": \"a@example.org\" /* hi */}", 422, "json_invalid"));
        cases.add(refused("NaN", MAGIC_LINK, "{\"email\": NaN}", 422, "json_invalid"));
        cases.add(refused("raw newline inside a string", MAGIC_LINK, "{\"email\": \"a@exa\nmple.org\"}", 422, "json_invalid"));
        cases.add(refused("duplicate keys", MAGIC_LINK, "{\"email\": \"a@example.org\", \"email\": \"b@example.org\"}",
                422, "json_invalid"));
        cases.add(refused("nested 5 000 deep", MAGIC_LINK, "{\"email\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                422, "json_invalid"));
        cases.add(refused("byte-order mark", MAGIC_LINK, "\uFEFF{\"email\": \"a@example.org\"}", 422, "json_invalid"));
        cases.add(refusedBytes("invalid UTF-8 byte", MAGIC_LINK, JSON,
                concat("{\"email\": \"", new byte[] {(byte) 0xff}, "@example.org\"}"), 422, "json_invalid"));
        cases.add(refusedBytes("overlong UTF-8 for a slash", MAGIC_LINK, JSON,
                concat("{\"email\": \"a", new byte[] {(byte) 0xc0, (byte) 0xaf}, "@example.org\"}"), 422, "json_invalid"));
        cases.add(refusedBytes("UTF-8-encoded surrogate", MAGIC_LINK, JSON,
                concat("{\"email\": \"a", new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, "@example.org\"}"),
                422, "json_invalid"));
        cases.add(refusedBytes("UTF-16 body", MAGIC_LINK, JSON,
                "{\"email\": \"a@example.org\"}".getBytes(StandardCharsets.UTF_16LE), 422, "json_invalid"));
        // Well-formed JSON of the wrong shape.
        cases.add(refused("email is a number", MAGIC_LINK, "{\"email\": 42}", 422, "string_type"));
        cases.add(refused("email is a number too big for a double", MAGIC_LINK, "{\"email\": 1e999999999999}", 422,
                "string_type"));
        cases.add(refused("email is a boolean", MAGIC_LINK, "{\"email\": true}", 422, "string_type"));
        cases.add(refused("email is null", MAGIC_LINK, "{\"email\": null}", 422, "string_type"));
        cases.add(refused("email is an array", MAGIC_LINK, "{\"email\": [\"a@example.org\"]}", 422, "string_type"));
        cases.add(refused("email is an object", MAGIC_LINK, "{\"email\": {\"address\": \"a@example.org\"}}", 422, "string_type"));
        cases.add(refused("body is an array", MAGIC_LINK, "[{\"email\": \"a@example.org\"}]", 422, "model_attributes_type"));
        cases.add(refused("body is a string", MAGIC_LINK, "\"a@example.org\"", 422, "model_attributes_type"));
        cases.add(refused("body is null", MAGIC_LINK, "null", 422, "missing"));
        cases.add(refused("body is empty", MAGIC_LINK, "", 422, "missing"));
        cases.add(refused("email field missing", MAGIC_LINK, "{\"e-mail\": \"a@example.org\"}", 422, "missing"));
        // Strings that are not addresses we accept.
        cases.add(refused("CR LF header injection", MAGIC_LINK, "{\"email\": \"a@example.org\\r\\nBcc: x@evil.example\"}",
                422, "value_error"));
        cases.add(refused("NUL byte", MAGIC_LINK, "{\"email\": \"a\\u0000@example.org\"}", 422, "value_error"));
        cases.add(refused("300 characters", MAGIC_LINK, "{\"email\": \"" + "a".repeat(288) + "@example.org\"}",
                422, "value_error"));
        cases.add(refused("lone surrogate", MAGIC_LINK, "{\"email\": \"\\ud800@example.org\"}", 422, "value_error"));
        cases.add(refused("zero-width space", MAGIC_LINK, "{\"email\": \"a\\u200b@example.org\"}", 422, "value_error"));
        cases.add(refused("right-to-left override", MAGIC_LINK, "{\"email\": \"\\u202egro.elpmaxe@a\"}", 422, "value_error"));
        cases.add(refused("no @-sign", MAGIC_LINK, "{\"email\": \"a.example.org\"}", 422, "value_error"));
        cases.add(refused("empty string", MAGIC_LINK, "{\"email\": \"\"}", 422, "value_error"));
        cases.add(refused("only spaces", MAGIC_LINK, "{\"email\": \"   \"}", 422, "value_error"));
        cases.add(refused("quoted local part", MAGIC_LINK, "{\"email\": \"\\\"a b\\\"@example.org\"}", 422, "value_error"));
        // Wrong envelopes.
        cases.add(refusedBytes("100 KiB body", MAGIC_LINK, JSON,
                ("{\"email\": \"" + "a".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), 413, null));
        cases.add(refusedBytes("text/plain", MAGIC_LINK, "text/plain", "{\"email\": \"a@example.org\"}".getBytes(), 415, null));
        cases.add(refusedBytes("no content type", MAGIC_LINK, null, "{\"email\": \"a@example.org\"}".getBytes(), 415, null));
        cases.add(refusedBytes("JSON in Latin-1", MAGIC_LINK, "application/json; charset=iso-8859-1",
                "{\"email\": \"a@example.org\"}".getBytes(), 415, null));
        cases.add(refusedBytes("form body", MAGIC_LINK, "application/x-www-form-urlencoded",
                "email=a%40example.org".getBytes(), 415, null));
        cases.add(new Case("gzip content encoding", MAGIC_LINK, JSON, "{\"email\": \"a@example.org\"}".getBytes(),
                List.of("Content-Encoding", "gzip"), 415, null, null));
        // Odd but valid: these must be accepted.
        cases.add(accepted("IDN domain", MAGIC_LINK, "{\"email\": \"juergen@bücher.example\"}", "juergen@bücher.example"));
        cases.add(accepted("IDN domain in Cyrillic", MAGIC_LINK, "{\"email\": \"ivan@пример.рф\"}", "ivan@пример.рф"));
        cases.add(accepted("punycode domain", MAGIC_LINK, "{\"email\": \"a@xn--bcher-kva.example\"}", "a@xn--bcher-kva.example"));
        cases.add(accepted("surrounding spaces", MAGIC_LINK, "{\"email\": \"  a@example.org \\t\"}", "a@example.org"));
        cases.add(accepted("unknown fields", MAGIC_LINK, "{\"email\": \"a@example.org\", \"admin\": true}", "a@example.org"));
        cases.add(new Case("charset parameter", MAGIC_LINK, "application/json; charset=UTF-8",
                "{\"email\": \"a@example.org\"}".getBytes(StandardCharsets.UTF_8), List.of(), 202, null, "a@example.org"));
        cases.add(accepted("authenticated route", LINK_EMAIL, "{\"email\": \" Linked@Example.org\"}", "Linked@Example.org"));
        // The same kinds of mistakes on the {code, message} route.
        cases.add(refused("resend: malformed", RESEND, "{\"email\": ", 400, null));
        cases.add(refused("resend: trailing garbage", RESEND, "{} []", 400, null));
        cases.add(refused("resend: array body", RESEND, "[]", 400, null));
        cases.add(refused("resend: nested 5 000 deep", RESEND, "[".repeat(5_000) + "]".repeat(5_000), 400, null));
        cases.add(refused("resend: email is a number", RESEND, "{\"email\": 1}", 422, null));
        cases.add(refused("resend: CR LF", RESEND, "{\"email\": \"a@example.org\\r\\n\"}", 422, null));
        cases.add(refused("resend: 300 characters", RESEND, "{\"email\": \"" + "b".repeat(288) + "@example.org\"}", 422, null));
        cases.add(refusedBytes("resend: invalid UTF-8", RESEND, JSON,
                concat("{\"email\": \"", new byte[] {(byte) 0xfe}, "\"}"), 400, null));
        cases.add(refusedBytes("resend: text/plain", RESEND, "text/plain", "{}".getBytes(), 415, null));
        cases.add(refusedBytes("resend: huge", RESEND, JSON, new byte[64 * 1024], 413, null));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileBody_getsItsStatusInTheRoutesDialect(Case c) {
        List<String> headers = new ArrayList<>(List.of("Authorization", server.bearer()));
        if (c.contentType() != null) {
            headers.add("Content-Type");
            headers.add(c.contentType());
        }
        headers.addAll(c.extraHeaders());

        Answer answer = server.post(c.path(), c.body(), headers.toArray(String[]::new));

        assertThat(answer.status()).as(answer.body()).isEqualTo(c.status());
        assertThat(answer.mediaType()).isEqualTo("application/json");
        JsonNode json = answer.json();
        if (c.acceptedAs() != null) {
            assertThat(acceptedAddresses()).containsExactly(c.acceptedAs());
            return;
        }
        assertThat(server.fakes.totalCalls()).as("nothing reached a use case").isZero();
        if (c.path().startsWith("/api/")) {
            assertThat(json.fieldNames()).toIterable().containsExactly("detail");
            if (c.type() != null) {
                assertThat(json.get("detail").isArray()).isTrue();
                assertThat(json.get("detail").get(0).get("type").asText()).isEqualTo(c.type());
                assertThat(json.get("detail").get(0).get("loc").get(0).asText()).isEqualTo("body");
            } else {
                assertThat(json.get("detail").isTextual()).isTrue();
            }
        } else {
            assertThat(json.fieldNames()).toIterable().containsExactly("code", "message");
            assertThat(json.get("code").asInt()).isEqualTo(c.status());
            assertThat(json.get("message").asText()).isNotBlank();
        }
    }

    private List<String> acceptedAddresses() {
        List<String> addresses = new ArrayList<>();
        server.fakes.requestSignInLink.commands().forEach(command -> addresses.add(command.email().value()));
        server.fakes.requestEmailConfirmation.commands().forEach(command -> addresses.add(command.email().value()));
        return addresses;
    }

    private static Case refused(String name, String path, String body, int status, String type) {
        return refusedBytes(name, path, JSON, body.getBytes(StandardCharsets.UTF_8), status, type);
    }

    private static Case refusedBytes(String name, String path, String contentType, byte[] body, int status, String type) {
        return new Case(name, path, contentType, body, List.of(), status, type, null);
    }

    private static Case accepted(String name, String path, String body, String acceptedAs) {
        return new Case(name, path, JSON, body.getBytes(StandardCharsets.UTF_8), List.of(), 202, null, acceptedAs);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
