package dev.authbackbone.adapter.in.http.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What counts as this machine: {@code localhost}, {@code 127.0.0.0/8} and {@code ::1}. Decided
 * on the text alone, never by asking DNS: a name that merely resolves to loopback today may not tomorrow.
 */
public final class Loopback {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern PORT = Pattern.compile(":\\d{1,5}");

    private Loopback() {}

    /** Whether {@code host} (a name or an address literal, IPv6 with or without brackets) is loopback. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        return literal(h).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /**
     * Whether a {@code Host} header names this machine: {@code 127.0.0.1:8080}, {@code localhost},
     * {@code [::1]:8080}. A name another machine could answer to (DNS rebinding) does not.
     */
    public static boolean isLoopbackHostHeader(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        String h = header.strip();
        if (h.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return false;
        }
        int colon = h.lastIndexOf(':');
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            if (close < 0 || !(close == h.length() - 1 || PORT.matcher(h.substring(close + 1)).matches())) {
                return false;
            }
            return isLoopbackHost(h.substring(0, close + 1));
        }
        if (colon >= 0) {
            if (!PORT.matcher(h.substring(colon)).matches()) {
                return false;
            }
            h = h.substring(0, colon);
        }
        return isLoopbackHost(h);
    }

    /** An IP address literal, parsed without a DNS lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        boolean v4 = IPV4.matcher(t).matches();
        if (v4) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        } else if (t.indexOf(':') < 0 || !IPV6.matcher(t).matches()) {
            return Optional.empty();
        }
        try {
            // A valid dotted quad, or anything in brackets, is parsed as a literal: never a DNS lookup.
            return Optional.of(InetAddress.getByName(v4 ? t : "[" + t + "]"));
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
