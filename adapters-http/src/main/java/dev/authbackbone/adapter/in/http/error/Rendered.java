package dev.authbackbone.adapter.in.http.error;

import java.util.Map;

/** An error answer ready to write: status, content type, body and headers. */
public record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Rendered {
        headers = Map.copyOf(headers);
    }
}
