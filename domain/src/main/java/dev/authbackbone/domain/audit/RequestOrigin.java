package dev.authbackbone.domain.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a request came from, as the inbound adapter saw it: the client's address and the request
 * id that ties the request's log lines and audit events together. Carried into the use cases in
 * their commands, so that the core never reaches for a thread-local.
 *
 * @param clientIp  the client's IP address, absent for the operator's command line
 * @param requestId the request id, absent where there is none
 */
public record RequestOrigin(Optional<String> clientIp, Optional<String> requestId) {

    /** Long enough for any IPv6 literal with a zone and for the request ids the HTTP adapter accepts. */
    public static final int MAX_LENGTH = 64;

    private static final RequestOrigin UNKNOWN = new RequestOrigin(Optional.empty(), Optional.empty());

    public RequestOrigin {
        Objects.requireNonNull(clientIp, "clientIp");
        Objects.requireNonNull(requestId, "requestId");
        clientIp.ifPresent(ip -> check("clientIp", ip));
        requestId.ifPresent(id -> check("requestId", id));
    }

    /** A request from {@code clientIp} with the id {@code requestId}. */
    public static RequestOrigin of(String clientIp, String requestId) {
        return new RequestOrigin(Optional.of(clientIp), Optional.of(requestId));
    }

    /** No client address and no request id: the command line, tests, callers that know neither. */
    public static RequestOrigin unknown() {
        return UNKNOWN;
    }

    private static void check(String field, String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // Printable ASCII only: the values end up in logs and in a database column.
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException(field + ": printable ASCII without spaces only");
            }
        }
    }
}
