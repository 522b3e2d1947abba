package dev.authbackbone.adapter.in.http.error;

import dev.authbackbone.adapter.in.http.error.HttpProblem.AddressTaken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidConfirmationToken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidSignInToken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.InvalidUndoToken;
import dev.authbackbone.adapter.in.http.error.HttpProblem.MissingLinkToken;
import dev.authbackbone.adapter.in.http.page.Pages;
import java.nio.charset.StandardCharsets;

/**
 * The dialect of the bundled HTML pages ({@code /auth/confirm-email}, {@code /auth/magic-link}, {@code /auth/undo}): a
 * small page with a heading and the problem's sentence, sent with the pages' security headers.
 *
 * <pre>
 * outcome                    status  heading
 * MissingLinkToken           400     "This link is incomplete"
 * InvalidConfirmationToken   400     "This link does not work"
 * InvalidSignInToken         400     "This link does not work"
 * InvalidUndoToken           400     "This link does not work"
 * InvalidCode                400     "This code does not work"
 * MalformedForm              400     "Request not accepted"
 * AddressTaken               409     "Address already linked"
 * MethodNotAllowed           405     "Request not accepted"
 * BodyTooLarge               413     "Request not accepted"
 * UnsupportedMediaType       415     "Request not accepted"
 * StorageUnavailable         503     "Something went wrong"
 * Internal                   500     "Something went wrong"
 * anything else              the problem's own status
 * </pre>
 */
final class PageErrorDialect implements ErrorDialect {

    @Override
    public Rendered render(HttpProblem problem) {
        String html = Pages.problem(heading(problem), problem.sentence());
        return new Rendered(problem.status(), Pages.CONTENT_TYPE, html.getBytes(StandardCharsets.UTF_8), Pages.headers());
    }

    private static String heading(HttpProblem problem) {
        if (problem instanceof MissingLinkToken) {
            return "This link is incomplete";
        }
        if (problem instanceof InvalidConfirmationToken || problem instanceof InvalidSignInToken
                || problem instanceof InvalidUndoToken) {
            return "This link does not work";
        }
        if (problem instanceof HttpProblem.InvalidCode) {
            return "This code does not work";
        }
        if (problem instanceof AddressTaken) {
            return "Address already linked";
        }
        return problem.status() >= 500 ? "Something went wrong" : "Request not accepted";
    }
}
