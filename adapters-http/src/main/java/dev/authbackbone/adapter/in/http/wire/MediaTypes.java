package dev.authbackbone.adapter.in.http.wire;

import java.util.Locale;

/** Reads a request's {@code Content-Type} just far enough to decide whether we can read the body. */
public final class MediaTypes {

    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {}

    /** {@code application/json} or {@code application/<anything>+json}, in UTF-8 (the only charset JSON has). */
    public static boolean isJson(String contentType) {
        String essence = essence(contentType);
        boolean json = essence.equals(JSON)
                || essence.startsWith("application/") && essence.endsWith("+json") && !essence.contains(" ");
        return json && charsetIsUtf8OrAbsent(contentType);
    }

    /** An HTML form post in UTF-8 (what every browser sends for a page served as UTF-8). */
    public static boolean isForm(String contentType) {
        return essence(contentType).equals(FORM) && charsetIsUtf8OrAbsent(contentType);
    }

    private static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        String essence = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return essence.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean charsetIsUtf8OrAbsent(String contentType) {
        String[] parts = contentType.split(";");
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8") && !value.equalsIgnoreCase("utf8")) {
                return false;
            }
        }
        return true;
    }
}
