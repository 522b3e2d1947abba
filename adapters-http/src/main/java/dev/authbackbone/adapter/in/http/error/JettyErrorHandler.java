package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.error.HttpProblem.Refused;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before Javalin sees a request (an unreadable request line, headers
 * over the limit, an ambiguous or undecodable URI...) in our dialects instead of Jetty's HTML page,
 * and never with a stack trace or a cause. The dialect follows the raw path, so anything under
 * {@code /api/} answers {@code {"detail": ...}} even when its path cannot be decoded; this needs the
 * connector's connections from {@link TargetKeepingConnectionFactory}.
 */
public final class JettyErrorHandler extends ErrorHandler {

    private final ErrorResponses responses;

    /** Answers through {@code responses}, with Jetty's stack traces, causes and messages all off. */
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

    /**
     * The raw (still encoded) path, which is all the dialect needs. For a target Jetty could not
     * decode, the request here is a stand-in named {@code /badMessage}, so the path comes from the
     * target as it arrived; a request line with no usable target at all speaks {@code {code, message}}.
     */
    private static String pathOf(Request request) {
        Optional<String> unparsed = TargetKeepingConnectionFactory.unparsedTarget(request.getConnectionMetaData());
        if (unparsed.isPresent()) {
            return rawPath(unparsed.get());
        }
        try {
            return request.getHttpURI().getPath();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The path of an origin-form ({@code /a?b}) or absolute-form ({@code http://host/a?b}) target, undecoded. */
    static String rawPath(String target) {
        int start;
        if (target.startsWith("/")) {
            start = 0;
        } else {
            int scheme = target.indexOf("://");
            start = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
            if (start < 0) {
                return null;
            }
        }
        int end = target.length();
        for (char delimiter : new char[] {'?', '#'}) {
            int at = target.indexOf(delimiter, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return target.substring(start, end);
    }
}
