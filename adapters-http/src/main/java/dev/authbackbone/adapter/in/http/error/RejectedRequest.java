package dev.authbackbone.adapter.in.http.error;

import java.util.Objects;

/**
 * Ends a request early with a problem; the server's one exception handler answers it in the
 * route's dialect. Carries no stack trace: it is an answer, not a failure.
 */
public final class RejectedRequest extends RuntimeException {

    private final transient HttpProblem problem;

    public RejectedRequest(HttpProblem problem) {
        super(Objects.requireNonNull(problem, "problem").getClass().getSimpleName(), null, false, false);
        this.problem = problem;
    }

    public HttpProblem problem() {
        return problem;
    }
}
