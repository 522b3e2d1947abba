package dev.authbackbone.adapter.out.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A mail template parsed once into literal text and placeholders. {@code {{name}}} is replaced by
 * the escaped value, {@code {{{name}}}} by the value as it is (only for markup we rendered ourselves).
 */
final class Template {

    private sealed interface Segment permits Literal, Placeholder {}

    private record Literal(String text) implements Segment {}

    private record Placeholder(String name, boolean raw) implements Segment {}

    private final String name;
    private final List<Segment> segments;
    /** The literal text's length: a rendered mail is that plus its values, so its buffer never grows. */
    private final int literalLength;

    private Template(String name, List<Segment> segments) {
        this.name = name;
        this.segments = List.copyOf(segments);
        this.literalLength = segments.stream().mapToInt(s -> s instanceof Literal literal ? literal.text().length() : 0).sum();
    }

    /** Loads and parses a UTF-8 template from the class path, next to this class. */
    static Template load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream("templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template missing from the class path: templates/" + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + resource, e);
        }
    }

    static Template parse(String name, String source) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                segments.add(new Literal(source.substring(at)));
                break;
            }
            if (open > at) {
                segments.add(new Literal(source.substring(at, open)));
            }
            boolean raw = source.startsWith("{{{", open);
            String closing = raw ? "}}}" : "}}";
            int start = open + (raw ? 3 : 2);
            int close = source.indexOf(closing, start);
            if (close < 0) {
                throw new IllegalStateException("mail template " + name + ": unclosed placeholder at offset " + open);
            }
            String key = source.substring(start, close).strip();
            if (!key.matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new IllegalStateException("mail template " + name + ": bad placeholder name '" + key + "'");
            }
            segments.add(new Placeholder(key, raw));
            at = close + closing.length();
        }
        return new Template(name, segments);
    }

    /** The names of the placeholders, in order of first use. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment instanceof Placeholder placeholder) {
                names.add(placeholder.name());
            }
        }
        return names;
    }

    /** Fails at start-up, not at the first mail, when a template uses a value its mail does not have. */
    Template requireOnly(Set<String> available) {
        for (String used : placeholders()) {
            if (!available.contains(used)) {
                throw new IllegalStateException("mail template " + name + " uses {{" + used + "}}, but only "
                        + available + " are available");
            }
        }
        return this;
    }

    String render(Map<String, String> values, UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder(literalLength + 512);
        for (Segment segment : segments) {
            if (segment instanceof Literal literal) {
                out.append(literal.text());
            } else if (segment instanceof Placeholder placeholder) {
                String value = values.get(placeholder.name());
                if (value == null) {
                    throw new IllegalStateException("mail template " + name + ": no value for {{" + placeholder.name() + "}}");
                }
                out.append(placeholder.raw() ? value : escape.apply(value));
            }
        }
        return out.toString();
    }
}
