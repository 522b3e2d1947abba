package dev.authbackbone.adapter.in.http.error;

/** How one route family words its errors. */
interface ErrorDialect {

    /** The answer for {@code problem}: its status and body (protocol headers are added by the caller). */
    Rendered render(HttpProblem problem);
}
