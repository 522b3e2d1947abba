package dev.authbackbone.adapter.in.http.error;

import java.util.Optional;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connections, except that each keeps the request target Jetty could not parse.
 * Jetty refuses a target it cannot decode (a {@code %00}, a lone or broken {@code %}) before any
 * request exists and answers it from a stand-in request whose path is {@code /badMessage}, so
 * without the kept target {@link JettyErrorHandler} could not tell that it was under {@code /api}.
 *
 * <p>The hook is Jetty's {@code internal} {@link HttpConnection}, as for {@code HeaderDeadline}:
 * the build pins Jetty's version, and the end-to-end test of malformed paths fails if a new one
 * parses the target elsewhere.
 */
public final class TargetKeepingConnectionFactory extends HttpConnectionFactory {

    /** Connections configured by {@code configuration}, as {@link HttpConnectionFactory}'s are. */
    public TargetKeepingConnectionFactory(HttpConfiguration configuration) {
        super(configuration);
    }

    /** The raw target of the request on {@code connection} that Jetty could not parse, if there was one. */
    static Optional<String> unparsedTarget(ConnectionMetaData connection) {
        return connection != null && connection.getConnection() instanceof TargetKeepingConnection keeping
                ? Optional.ofNullable(keeping.unparsedTarget)
                : Optional.empty();
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        // What HttpConnectionFactory.newConnection does, with our connection class.
        TargetKeepingConnection connection = new TargetKeepingConnection(getHttpConfiguration(), connector, endPoint);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, endPoint);
    }

    private static final class TargetKeepingConnection extends HttpConnection {

        /**
         * Set only when parsing fails; Jetty then closes the connection after the error answer, so
         * it never outlives the one request it belongs to. Bounded by Jetty's request-line limit.
         */
        private volatile String unparsedTarget;

        TargetKeepingConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        protected HttpStreamOverHTTP1 newHttpStream(String method, String target, HttpVersion version) {
            try {
                return super.newHttpStream(method, target, version);
            } catch (RuntimeException unparsable) {
                unparsedTarget = target;
                throw unparsable;
            }
        }
    }
}
