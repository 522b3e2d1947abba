package dev.authbackbone.adapter.in.http.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded strictly: a bad percent escape or
 * bytes that are not UTF-8 make the whole form unreadable rather than silently altered.
 */
public final class FormBody {

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * Decodes {@code body}.
     *
     * @throws MalformedFormException when an escape is broken or the decoded bytes are not UTF-8
     */
    public static FormBody parse(byte[] body) throws MalformedFormException {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    addField(fields, body, start, i);
                }
                start = i + 1;
            }
        }
        return new FormBody(fields);
    }

    /** Every value sent for {@code name}, in order (empty when it was not sent). */
    public List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static void addField(Map<String, List<String>> fields, byte[] body, int start, int end)
            throws MalformedFormException {
        int equals = -1;
        for (int i = start; i < end; i++) {
            if (body[i] == '=') {
                equals = i;
                break;
            }
        }
        String name = decode(body, start, equals < 0 ? end : equals);
        String value = equals < 0 ? "" : decode(body, equals + 1, end);
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    private static String decode(byte[] body, int start, int end) throws MalformedFormException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= end) {
                    throw new MalformedFormException();
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new MalformedFormException();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return Utf8.decode(bytes.toByteArray());
        } catch (Utf8.InvalidUtf8Exception e) {
            throw new MalformedFormException();
        }
    }

    @Override
    public String toString() {
        return "FormBody" + Collections.unmodifiableSet(fields.keySet());
    }

    /** The body is not a well-formed UTF-8 form. */
    public static final class MalformedFormException extends Exception {
        MalformedFormException() {
            super("malformed form body", null, false, false);
        }
    }
}
