package dev.authbackbone.adapter.in.http;

/**
 * What the HTTP adapter tells a metrics registry, without knowing which one: the composition root
 * implements it (with Micrometer), so no metrics library reaches this adapter.
 */
public interface HttpMetrics {

    /** Measures nothing: for tests and for a server without metrics. */
    HttpMetrics NONE = new HttpMetrics() {
        @Override
        public void requestHandled(String method, String route, int status, long nanos) {
        }

        @Override
        public void clientIpLimited() {
        }
    };

    /**
     * One request was answered. {@code route} is the route's template (such as
     * {@code /api/auth/me}), or {@link RequestTracing#UNMATCHED} for paths no route has, never the
     * raw path, so the number of series stays bounded whatever clients send.
     */
    void requestHandled(String method, String route, int status, long nanos);

    /** The per-client-IP limit refused a request. */
    void clientIpLimited();

    /** The per-client-IP limit on the token-redeeming routes refused a request. */
    default void tokenIpLimited() {
    }

    /** A presented token could not be one of ours ({@code purpose}: sign_in, email_confirmation) and was refused unread. */
    default void tokenMalformed(String purpose) {
    }
}
