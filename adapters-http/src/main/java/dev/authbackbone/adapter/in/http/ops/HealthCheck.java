package dev.authbackbone.adapter.in.http.ops;

import java.util.Map;
import java.util.Objects;

/** One component the server depends on, as a health endpoint reports it. */
public interface HealthCheck {

    /** The component's name in the health body, such as {@code database}. */
    String name();

    /** Checks the component now; must answer within a few seconds and never throw. */
    Status check();

    /**
     * Whether the server is of no use without this component, so that readiness fails while it is
     * down; otherwise readiness only reports the server as degraded.
     */
    default boolean essential() {
        return true;
    }

    /**
     * A component's state.
     *
     * @param up      whether the component works
     * @param details further fields shown next to {@code status}, such as the breaker's state; never a secret
     */
    record Status(boolean up, Map<String, String> details) {
        public Status {
            Objects.requireNonNull(details, "details");
            details = Map.copyOf(details);
        }

        /** Up, with nothing more to say. */
        public static Status healthy() {
            return new Status(true, Map.of());
        }

        /** Down, with nothing more to say. */
        public static Status unhealthy() {
            return new Status(false, Map.of());
        }
    }
}
