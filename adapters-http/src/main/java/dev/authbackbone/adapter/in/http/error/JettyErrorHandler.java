package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.error.HttpProblem.Refused;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before Javalin sees a request (an unreadable request line, headers
 * over the limit, an ambiguous URI...) in our dialects instead of Jetty's HTML page, and never with
 * a stack trace or a cause.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private final ErrorResponses responses;

    public JettyErrorHandler(ErrorResponses responses) {
        this.responses = responses;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = statusOf(request, response);
        Rendered answer = responses.render(pathOf(request), problemFor(status));
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
        return true;
    }

    private static HttpProblem problemFor(int status) {
        if (status == 404) {
            return new HttpProblem.NotFound();
        }
        if (status == 500) {
            return new HttpProblem.Internal();
        }
        return new Refused(status < 400 || status > 599 ? 400 : status);
    }

    private static int statusOf(Request request, Response response) {
        Object attribute = request.getAttribute(ERROR_STATUS);
        if (attribute instanceof Integer status) {
            return status;
        }
        return response.getStatus() >= 400 ? response.getStatus() : 500;
    }

    /** The raw path; Jetty names a request it could not parse {@code /badMessage}, which speaks {@code {code, message}}. */
    private static String pathOf(Request request) {
        try {
            return request.getHttpURI().getPath();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
