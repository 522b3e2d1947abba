package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.domain.port.in.Refusal;

/** Turns the refusals several use cases share ({@link Refusal}) into HTTP problems, in one place. */
final class Refusals {

    private Refusals() {}

    /**
     * The rejection for a shared refusal. An unknown account means the token names no one any
     * more, which the client must treat exactly like an invalid token.
     *
     * @throws IllegalArgumentException when {@code outcome} is not a {@link Refusal} record
     */
    static RejectedRequest rejection(Object outcome) {
        if (outcome instanceof Refusal.RateLimited r) {
            return new RejectedRequest(new HttpProblem.RateLimited(r.retryAfter()));
        }
        if (outcome instanceof Refusal.MailUnavailable r) {
            return new RejectedRequest(new HttpProblem.MailUnavailable(r.retryAfter()));
        }
        if (outcome instanceof Refusal.UnknownAccount) {
            return new RejectedRequest(new HttpProblem.InvalidAccessToken());
        }
        if (outcome instanceof Refusal.AccountDisabled) {
            return new RejectedRequest(new HttpProblem.AccountDisabled());
        }
        throw new IllegalArgumentException("not a shared refusal: " + outcome.getClass().getSimpleName());
    }
}
