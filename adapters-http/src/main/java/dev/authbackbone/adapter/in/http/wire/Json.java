package dev.authbackbone.adapter.in.http.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The one configured Jackson mapper of the HTTP adapter: strict reading of request bodies, writing of answers. */
public final class Json {

    /** Our bodies are flat objects; anything deeper is an attack on the parser, not a request. */
    private static final int MAX_NESTING_DEPTH = 32;

    private final ObjectMapper mapper;

    public Json() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                // Two values for one key let a proxy and this server read different requests.
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory).build();
    }

    /** The UTF-8 JSON text of {@code value} (a record or a tree). */
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("answer could not be written as JSON", e);
        }
    }

    /**
     * Parses a request body that must be one JSON text in UTF-8: no other encoding, no trailing
     * data, no duplicate keys, no deep nesting.
     *
     * @throws MalformedJsonException naming the offset and a short reason
     */
    public JsonNode read(byte[] body) throws MalformedJsonException {
        String text = decodeUtf8(body);
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new MalformedJsonException(text.length(), "Expecting value");
            }
            int next = skipWhitespace(text, (int) parser.currentLocation().getCharOffset());
            if (next < text.length()) {
                throw new MalformedJsonException(next, "Extra data");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException(offset(e.getLocation(), text), reason(e));
        } catch (NumberFormatException e) {
            // A number Jackson reads lazily and cannot represent; it comes without a location.
            throw new MalformedJsonException(0, "Invalid number");
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    private static int skipWhitespace(String text, int from) {
        int i = Math.max(0, from);
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /**
     * A copy of {@code node} that can always be written back: text with unpaired surrogates (which
     * a client can send as {@code \ud800} escapes) gets U+FFFD in their place.
     */
    public static JsonNode echoable(JsonNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (node.isTextual()) {
            return TextNode.valueOf(replaceLoneSurrogates(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(echoable(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(replaceLoneSurrogates(field.getKey()), echoable(field.getValue()));
            }
            return copy;
        }
        return node;
    }

    /** An empty JSON object, as pydantic echoes for a body it could not decode. */
    public static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    static String replaceLoneSurrogates(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String decodeUtf8(byte[] body) throws MalformedJsonException {
        String text;
        try {
            text = Utf8.decode(body);
        } catch (Utf8.InvalidUtf8Exception e) {
            throw new MalformedJsonException(e.offset(), "Invalid UTF-8");
        }
        // A byte-order mark is not JSON (RFC 8259 section 8.1).
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            throw new MalformedJsonException(0, "Unexpected UTF-8 BOM");
        }
        return text;
    }

    private static long offset(JsonLocation location, String text) {
        if (location == null || location.getCharOffset() < 0) {
            return 0;
        }
        return Math.min(location.getCharOffset(), text.length());
    }

    /** Stable short reasons: Jackson's own messages quote the input and name Java types. */
    private static String reason(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return message.startsWith("Document nesting depth") ? "Nesting too deep" : "Value too long";
        }
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "Unexpected end of input";
        }
        if (message.startsWith("Duplicate field")) {
            return "Duplicate key";
        }
        if (message.contains("surrogate")) {
            return "Invalid surrogate";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "Invalid control character in string";
        }
        if (message.startsWith("Unrecognized character escape") || message.contains("escape sequence")) {
            return "Invalid escape";
        }
        if (message.startsWith("Unexpected character") && message.contains("double-quote to start field name")) {
            return "Expecting property name enclosed in double quotes";
        }
        if (message.startsWith("Unexpected character") && message.contains("expected a comma")) {
            return "Expecting ',' delimiter";
        }
        if (message.startsWith("Unexpected character") && message.contains("was expecting a colon")) {
            return "Expecting ':' delimiter";
        }
        return "Expecting value";
    }
}
