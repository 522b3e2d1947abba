package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response as a test sees it. Creating one already checks the rule every answer obeys: no Java
 * exception name, no stack frame, no framework name in the body.
 */
record Answer(int status, Map<String, List<String>> headers, String body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    Answer {
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.putAll(headers);
        headers = caseInsensitive;
        assertThat(body)
                .as("body of a %d answer", status)
                .doesNotContain("Exception", "at dev.authbackbone", "at java.", "at io.javalin", "at org.eclipse",
                        "io.javalin", "org.eclipse.jetty", "java.lang", "Caused by");
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The media type of the body, without parameters, lower case. */
    String mediaType() {
        String contentType = header("Content-Type");
        return contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    /** The body parsed and compared as JSON with {@code expected} (written with single quotes for readability). */
    boolean jsonEquals(String expected) {
        try {
            return MAPPER.readTree(expected.replace('\'', '"')).equals(json());
        } catch (JsonProcessingException e) {
            throw new AssertionError("bad expectation: " + expected, e);
        }
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
