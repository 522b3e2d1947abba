package dev.authbackbone.adapter.in.http.error;

import com.fasterxml.jackson.databind.JsonNode;
import dev.authbackbone.adapter.in.http.wire.Json;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every way a request can fail at the HTTP edge, with the status and the sentence every dialect
 * uses unless its own table says otherwise. Sentences are stable: clients may show them.
 */
public sealed interface HttpProblem {

    /** The HTTP status, before any dialect-specific override. */
    int status();

    /** A human sentence; it never repeats client input. */
    String sentence();

    /** No bearer token came with a request that needs one. */
    record NotAuthenticated() implements HttpProblem {
        public int status() { return 401; }
        public String sentence() { return "Authentication is required: send an access token as a Bearer token."; }
    }

    /** A bearer token came but is not valid here (bad, expired, or its account is unknown). */
    record InvalidAccessToken() implements HttpProblem {
        public int status() { return 401; }
        public String sentence() { return "Invalid or expired access token."; }
    }

    /** An operator disabled the caller's account. */
    record AccountDisabled() implements HttpProblem {
        public int status() { return 403; }
        public String sentence() { return "This account is disabled."; }
    }

    /** The address named for a re-send is already confirmed on the caller's account. */
    record AlreadyConfirmed() implements HttpProblem {
        public int status() { return 403; }
        public String sentence() { return "That email address is already confirmed on your account."; }
    }

    /** No route has this path. */
    record NotFound() implements HttpProblem {
        public int status() { return 404; }
        public String sentence() { return "Not found."; }
    }

    /** The caller has no pending confirmation to re-send (for the named address, or at all). */
    record NoPendingConfirmation() implements HttpProblem {
        public int status() { return 404; }
        public String sentence() { return "There is no pending email confirmation to send again."; }
    }

    /** The path exists, but not for this method; {@code allowed} goes into the {@code Allow} header. */
    record MethodNotAllowed(List<String> allowed) implements HttpProblem {
        public MethodNotAllowed {
            allowed = List.copyOf(allowed);
        }
        public int status() { return 405; }
        public String sentence() { return "This method is not allowed here."; }
    }

    /** The body is longer than the server reads. */
    record BodyTooLarge(long limitBytes) implements HttpProblem {
        public int status() { return 413; }
        public String sentence() { return "The request body is too large (at most " + limitBytes + " bytes)."; }
    }

    /** The body is not in the one media type the route reads, or is compressed. */
    record UnsupportedMediaType(String expected) implements HttpProblem {
        public UnsupportedMediaType {
            Objects.requireNonNull(expected, "expected");
        }
        public int status() { return 415; }
        public String sentence() { return "The request body must be sent uncompressed as " + expected + " in UTF-8."; }
    }

    /** The body is not one well-formed UTF-8 JSON text. */
    record MalformedJson(long offset, String reason) implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "The request body is not valid JSON."; }
    }

    /** A JSON body is required and none (or {@code null}) came. */
    record MissingBody() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "A JSON object is required as the request body."; }
    }

    /** The JSON body is an array, a string, a number or a boolean. */
    record BodyNotAnObject(JsonNode input) implements HttpProblem {
        public BodyNotAnObject {
            input = Json.echoable(input);
        }
        public int status() { return 400; }
        public String sentence() { return "The request body must be a JSON object."; }
    }

    /** A required field is absent; {@code input} is the whole body, as pydantic echoes it. */
    record MissingField(String field, JsonNode input) implements HttpProblem {
        public MissingField {
            input = Json.echoable(input);
        }
        public int status() { return 422; }
        public String sentence() { return "The field \"" + field + "\" is required."; }
    }

    /** A field that must be a string is something else; {@code input} is that value. */
    record NotAString(String field, JsonNode input) implements HttpProblem {
        public NotAString {
            input = Json.echoable(input);
        }
        public int status() { return 422; }
        public String sentence() { return "The field \"" + field + "\" must be a string."; }
    }

    /** A field is not an address we accept; {@code reason} is the domain's sentence. */
    record InvalidEmail(String field, JsonNode input, String reason) implements HttpProblem {
        public InvalidEmail {
            input = Json.echoable(input);
        }
        public int status() { return 422; }
        public String sentence() { return reason; }
    }

    /** A form body could not be decoded. */
    record MalformedForm() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "The form could not be read."; }
    }

    /** A link page was opened, or posted, without a token (or with several). */
    record MissingLinkToken() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This link is incomplete. Open the link from your email again."; }
    }

    /** The confirmation token is unknown, expired or used: one outcome, so it is no oracle. */
    record InvalidConfirmationToken() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This confirmation link is invalid, has expired or has already been used."; }
    }

    /** The sign-in token is unknown, expired or used. */
    record InvalidSignInToken() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This sign-in link is invalid, has expired or has already been used."; }
    }

    /**
     * The typed code matches no mail of that address that can still be checked: wrong, expired, used,
     * checked too often, or (for a confirmation) another account's. One outcome, so it is no oracle.
     */
    record InvalidCode() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This code is wrong, has expired or has already been used."; }
    }

    /** The refresh token is unknown, expired, spent or revoked: one outcome. */
    record InvalidRefreshToken() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This refresh token is invalid, has expired or has already been used."; }
    }

    /** No live session of the caller's account has this id (unknown, ended or another account's: one answer). */
    record SessionNotFound() implements HttpProblem {
        public int status() { return 404; }
        public String sentence() { return "No such session."; }
    }

    /** Not an address of the caller in the needed state (unknown, pending, or another account's: one answer). */
    record AddressNotFound() implements HttpProblem {
        public int status() { return 404; }
        public String sentence() { return "That email address is not one of your account's addresses."; }
    }

    /** The address to remove is the caller's primary. */
    record PrimaryAddress() implements HttpProblem {
        public int status() { return 409; }
        public String sentence() { return "The primary email address cannot be removed: make another address primary first."; }
    }

    /** The undo link is unknown, expired or used: one outcome, so it is no oracle. */
    record InvalidUndoToken() implements HttpProblem {
        public int status() { return 400; }
        public String sentence() { return "This undo link is invalid, has expired or has already been used."; }
    }

    /** Another account verified the address after the confirmation was requested. */
    record AddressTaken() implements HttpProblem {
        public int status() { return 409; }
        public String sentence() { return "This email address has been linked to another account in the meantime."; }
    }

    /** A limit is used up; {@code retryAfter} goes into the {@code Retry-After} header. */
    record RateLimited(Duration retryAfter) implements HttpProblem {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
        public int status() { return 429; }
        public String sentence() { return "Too many requests. Try again later."; }
    }

    /** The mail transport is down; {@code retryAfter} goes into the {@code Retry-After} header. */
    record MailUnavailable(Duration retryAfter) implements HttpProblem {
        public MailUnavailable {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
        public int status() { return 503; }
        public String sentence() { return "Email delivery is temporarily unavailable. Try again later."; }
    }

    /** The database cannot be reached now; {@code retryAfter} goes into the {@code Retry-After} header. */
    record StorageUnavailable(Duration retryAfter) implements HttpProblem {
        public StorageUnavailable {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
        public int status() { return 503; }
        public String sentence() { return "The service is temporarily unavailable. Try again later."; }
    }

    /**
     * Jetty or Javalin refused the request before any route saw it (bad URI, huge headers, a body too
     * slow or, with 503, one there was no memory left for...).
     */
    record Refused(int status) implements HttpProblem {
        public String sentence() {
            return switch (status) {
                case 400 -> "The request is malformed.";
                case 408 -> "The request took too long to arrive.";
                case 413 -> "The request body is too large.";
                case 414 -> "The request URI is too long.";
                case 431 -> "The request headers are too large.";
                case 501 -> "This method is not supported.";
                case 505 -> "This HTTP version is not supported.";
                // Bodies still arriving hold all the memory set aside for them (the connection package).
                case 503 -> "The server is busy. Try again later.";
                default -> status >= 500 ? "The server could not handle the request." : "The request was refused.";
            };
        }
    }

    /** Something failed on our side; the details are in the server log only. */
    record Internal() implements HttpProblem {
        public int status() { return 500; }
        public String sentence() { return "Something went wrong on our side. Try again later."; }
    }
}
