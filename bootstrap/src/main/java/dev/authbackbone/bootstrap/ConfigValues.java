package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.in.http.net.TrustedProxies;
import dev.authbackbone.domain.quota.RateLimit;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of {@code AUTH_*} values with the notation of docs/configuration.md ({@code 30s}, {@code 15m},
 * {@code 1h}, {@code 7d}; limits as {@code COUNT/DURATION}). Every failure names the variable, what
 * was given and what is expected, in one line.
 */
final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    /** Ten years: beyond any setting's sense, and short of the overflows a timeout in milliseconds meets. */
    private static final Duration MAX_DURATION = Duration.ofDays(3650);
    private static final String DURATION_HINT =
            "a duration of 1 to 9 digits and a unit (ms, s, m, h or d), greater than zero, such as 30s, 15m, 1h or 7d";
    private static final String LIMIT_HINT = "COUNT/DURATION such as 3/15m, where COUNT is a whole number from 1 to "
            + "999999999 and DURATION is 1 to 9 digits and a unit (ms, s, m, h or d), greater than zero";

    private final Map<String, String> values;

    ConfigValues(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            // ASCII digits only: parseInt also takes a sign and digits of every script.
            if (!raw.get().matches("[0-9]{1,10}")) {
                throw new NumberFormatException(raw.get());
            }
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw ConfigurationException.invalid(name, raw.get(), "a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ConfigurationException.invalid(name, raw.get(), "a whole number from " + min + " to " + max);
        }
    }

    Duration duration(String name, Duration fallback) {
        return optional(name).map(raw -> parseDuration(name, raw)).orElse(fallback);
    }

    /** As {@link #duration(String, Duration)}, refusing anything shorter than {@code min}. */
    Duration duration(String name, Duration fallback, Duration min) {
        return optional(name).map(raw -> {
            Duration value = parseDuration(name, raw);
            if (value.compareTo(min) < 0) {
                throw ConfigurationException.invalid(name, raw, DURATION_HINT + ", and at least " + Configuration.human(min));
            }
            return value;
        }).orElse(fallback);
    }

    RateLimit limit(String name, RateLimit fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String expected = LIMIT_HINT;
        String[] parts = raw.get().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || Integer.parseInt(parts[0]) < 1) {
            throw ConfigurationException.invalid(name, raw.get(), expected);
        }
        Matcher m = DURATION.matcher(parts[1].strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw ConfigurationException.invalid(name, raw.get(), expected);
        }
        return new RateLimit(Integer.parseInt(parts[0]), parseDuration(name, parts[1].strip()));
    }

    /** A comma-separated list of CIDR blocks; blank or unset is none. */
    TrustedProxies cidrs(String name) {
        Optional<String> raw = optional(name);
        try {
            return raw.map(TrustedProxies::parse).orElse(TrustedProxies.NONE);
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.invalid(name, raw.get(), "comma-separated IPv4 or IPv6 CIDR blocks such as "
                    + "10.0.0.0/8, 192.168.1.7/32, fd00::/8 (" + e.getMessage() + ")");
        }
    }

    /** An absolute http(s) URL; {@code mustContain} (if not null) must appear in it. */
    String url(String name, String fallback, String mustContain) {
        String raw = optional(name).orElse(fallback);
        String expected = "an absolute http:// or https:// URL" + (mustContain == null ? "" : " containing " + mustContain);
        try {
            URI uri = URI.create(mustContain == null ? raw : raw.replace(mustContain, "TOKEN"));
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!web || uri.getHost() == null || mustContain != null && !raw.contains(mustContain)) {
                throw ConfigurationException.invalid(name, raw, expected);
            }
            return raw;
        } catch (IllegalArgumentException e) {
            throw ConfigurationException.invalid(name, raw, expected);
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, E fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw ConfigurationException.invalid(name, raw.get(), "one of " + names);
        }
    }

    private static Duration parseDuration(String name, String raw) {
        Matcher m = DURATION.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ConfigurationException.invalid(name, raw, DURATION_HINT);
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (duration.isZero()) {
            throw ConfigurationException.invalid(name, raw, DURATION_HINT);
        }
        if (duration.compareTo(MAX_DURATION) > 0) {
            throw ConfigurationException.invalid(name, raw, DURATION_HINT + ", and at most 3650d");
        }
        return duration;
    }
}
