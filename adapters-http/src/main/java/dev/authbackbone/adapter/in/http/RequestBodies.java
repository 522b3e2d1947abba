package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.wire.FormBody;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.adapter.in.http.wire.MalformedJsonException;
import dev.authbackbone.adapter.in.http.wire.MediaTypes;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Reads request bodies with a bounded read: the declared length is checked before a byte is read,
 * the read stops one byte past the limit, and the media type must be the route's.
 */
final class RequestBodies {

    private final Json json;
    private final int maxBytes;

    RequestBodies(Json json, int maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /**
     * The body as a JSON object. With {@code optional}, a request without a body reads as {@code {}};
     * otherwise it is {@code MissingBody}, as is the JSON literal {@code null}.
     *
     * @throws RejectedRequest 413, 415, a malformed body, or a body that is not an object
     */
    ObjectNode jsonObject(Context ctx, boolean optional) {
        byte[] body = read(ctx, MediaTypes.JSON);
        if (body.length == 0) {
            if (optional) {
                return Json.emptyObject();
            }
            throw new RejectedRequest(new HttpProblem.MissingBody());
        }
        JsonNode node;
        try {
            node = json.read(body);
        } catch (MalformedJsonException e) {
            throw new RejectedRequest(new HttpProblem.MalformedJson(e.offset(), e.reason()));
        }
        if (node.isNull()) {
            if (optional) {
                return Json.emptyObject();
            }
            throw new RejectedRequest(new HttpProblem.MissingBody());
        }
        if (!node.isObject()) {
            throw new RejectedRequest(new HttpProblem.BodyNotAnObject(node));
        }
        return (ObjectNode) node;
    }

    /**
     * The body as an HTML form.
     *
     * @throws RejectedRequest 413, 415, or a form that cannot be decoded
     */
    FormBody form(Context ctx) {
        byte[] body = read(ctx, MediaTypes.FORM);
        try {
            return FormBody.parse(body);
        } catch (FormBody.MalformedFormException e) {
            throw new RejectedRequest(new HttpProblem.MalformedForm());
        }
    }

    private byte[] read(Context ctx, String mediaType) {
        HttpServletRequest request = ctx.req();
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new RejectedRequest(new HttpProblem.BodyTooLarge(maxBytes));
        }
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new RejectedRequest(new HttpProblem.UnsupportedMediaType(mediaType));
        }
        if (!hasBody) {
            return new byte[0];
        }
        // The raw header, not getContentType(): Jetty parses its charset there and throws for a name it
        // does not know (a 500). Two of them are refused: a proxy that keeps the other would read
        // another request than this server.
        List<String> contentTypes = Collections.list(request.getHeaders("Content-Type"));
        String contentType = contentTypes.size() == 1 ? contentTypes.get(0) : null;
        boolean accepted = mediaType.equals(MediaTypes.JSON) ? MediaTypes.isJson(contentType) : MediaTypes.isForm(contentType);
        if (!accepted) {
            throw new RejectedRequest(new HttpProblem.UnsupportedMediaType(mediaType));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            // With a declared length (at most maxBytes, checked above) the body is read into an array
            // of that size instead of into 8 KiB chunks that are then copied.
            body = declared > 0 ? exactly(in, (int) declared) : in.readNBytes(maxBytes + 1);
        } catch (IOException | RuntimeException unreadable) {
            // A broken chunked encoding or a client that went away: nothing worth a stack trace.
            throw new RejectedRequest(new HttpProblem.Refused(400));
        }
        if (body.length > maxBytes) {
            throw new RejectedRequest(new HttpProblem.BodyTooLarge(maxBytes));
        }
        return body;
    }

    /** The declared {@code length} bytes (Jetty ends the stream there), or fewer if the client stopped early. */
    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }
}
