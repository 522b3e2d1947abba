package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import dev.authbackbone.domain.port.in.account.ViewAccountResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ResendEmailConfirmationResult;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionResult;
import dev.authbackbone.domain.port.in.session.EndSessionResult;
import dev.authbackbone.domain.port.in.session.RefreshSessionResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.address.MakePrimaryResult;
import dev.authbackbone.domain.port.in.address.RemoveAddressResult;
import dev.authbackbone.domain.port.in.address.UndoPrimaryChangeResult;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import java.util.List;
import java.util.Optional;

/**
 * Every use-case result mapped to HTTP, once, one method per result type: the success outcome is
 * returned for the route group to render in its own format (JSON or page); every other outcome
 * becomes the {@link RejectedRequest} of its {@link HttpProblem}, which each dialect renders. The
 * mappings implement the results' visitors, so a new outcome does not compile until it is mapped
 * here. An unknown account means the access token names no one any more, which the client must
 * treat exactly like an invalid access token.
 *
 * <pre>
 * result                              outcome                  answer
 * RequestEmailConfirmationResult      Accepted                 (route: 202)
 * RequestSignInLinkResult             Accepted                 (route: 202)
 *   both, and ResendEmail...Result    RateLimited              RateLimited (429)
 *                                     MailUnavailable          MailUnavailable (503)
 *   confirmation ones                 UnknownAccount           InvalidAccessToken (401)
 *                                     SessionEnded             InvalidAccessToken (401, as at the bearer check)
 *                                     AccountDisabled          AccountDisabled (403)
 * ResendEmailConfirmationResult       Sent                     (route: 200)
 *                                     AlreadyConfirmed         AlreadyConfirmed
 *                                     NoPendingConfirmation    NoPendingConfirmation
 * ConfirmEmailResult                  Confirmed                (route: 200)
 *                                     AddressTaken             AddressTaken
 *                                     InvalidToken             InvalidConfirmationToken (by link),
 *                                                              InvalidCode (by code)
 * SignInWithLinkResult                SignedIn                 (route: 200)
 *                                     InvalidToken             InvalidSignInToken (by link),
 *                                                              InvalidCode (by code)
 * MakePrimaryResult                   MadePrimary              (route: 200)
 *                                     NotFound                 AddressNotFound (404)
 *                                     MailUnavailable          MailUnavailable (503)
 * RemoveAddressResult                 Removed                  (route: 200)
 *                                     IsPrimary                PrimaryAddress (409)
 *                                     NotFound                 AddressNotFound (404)
 *   both                              UnknownAccount           InvalidAccessToken (401)
 *                                     AccountDisabled          AccountDisabled (403)
 * UndoPrimaryChangeResult             Undone                   (page: 200)
 *                                     InvalidToken             InvalidUndoToken (400)
 * PreviewConfirmationResult           Pending, Unusable        (page: 200, naming the requester or nothing)
 * ViewAccountResult, ...EventsResult  Found                    (route: 200)
 *                                     UnknownAccount           InvalidAccessToken (401)
 *                                     AccountDisabled          AccountDisabled (403)
 * RefreshSessionResult                Rotated                  (route: 200)
 *                                     Reused, Invalid          InvalidRefreshToken (400, alike: only the server knows of the copy)
 * EndSessionResult                    Ended                    (route: 204)
 *                                     NotFound                 SessionNotFound (404)
 * AuthenticateSessionResult           Live, NotLive            whether the bearer's session is live (the caller refuses it)
 * </pre>
 */
final class Outcomes {

    private Outcomes() {}

    /** Returns when the request was accepted. */
    static void accepted(RequestEmailConfirmationResult result) {
        result.accept(new RequestEmailConfirmationResult.Visitor<Void>() {
            @Override public Void accepted(RequestEmailConfirmationResult.Accepted outcome) { return null; }
            @Override public Void rateLimited(RequestEmailConfirmationResult.RateLimited outcome) {
                throw reject(new HttpProblem.RateLimited(outcome.retryAfter()));
            }
            @Override public Void mailUnavailable(RequestEmailConfirmationResult.MailUnavailable outcome) {
                throw reject(new HttpProblem.MailUnavailable(outcome.retryAfter()));
            }
            @Override public Void unknownAccount(RequestEmailConfirmationResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public Void accountDisabled(RequestEmailConfirmationResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
            @Override public Void sessionEnded(RequestEmailConfirmationResult.SessionEnded outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
        });
    }

    /** Returns when the request was accepted. */
    static void accepted(RequestSignInLinkResult result) {
        result.accept(new RequestSignInLinkResult.Visitor<Void>() {
            @Override public Void accepted(RequestSignInLinkResult.Accepted outcome) { return null; }
            @Override public Void rateLimited(RequestSignInLinkResult.RateLimited outcome) {
                throw reject(new HttpProblem.RateLimited(outcome.retryAfter()));
            }
            @Override public Void mailUnavailable(RequestSignInLinkResult.MailUnavailable outcome) {
                throw reject(new HttpProblem.MailUnavailable(outcome.retryAfter()));
            }
        });
    }

    /** The address a fresh confirmation link went to. */
    static EmailAddress sent(ResendEmailConfirmationResult result) {
        return result.accept(new ResendEmailConfirmationResult.Visitor<EmailAddress>() {
            @Override public EmailAddress sent(ResendEmailConfirmationResult.Sent outcome) { return outcome.email(); }
            @Override public EmailAddress alreadyConfirmed(ResendEmailConfirmationResult.AlreadyConfirmed outcome) {
                throw reject(new HttpProblem.AlreadyConfirmed());
            }
            @Override public EmailAddress noPendingConfirmation(ResendEmailConfirmationResult.NoPendingConfirmation outcome) {
                throw reject(new HttpProblem.NoPendingConfirmation());
            }
            @Override public EmailAddress rateLimited(ResendEmailConfirmationResult.RateLimited outcome) {
                throw reject(new HttpProblem.RateLimited(outcome.retryAfter()));
            }
            @Override public EmailAddress mailUnavailable(ResendEmailConfirmationResult.MailUnavailable outcome) {
                throw reject(new HttpProblem.MailUnavailable(outcome.retryAfter()));
            }
            @Override public EmailAddress unknownAccount(ResendEmailConfirmationResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public EmailAddress accountDisabled(ResendEmailConfirmationResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
            @Override public EmailAddress sessionEnded(ResendEmailConfirmationResult.SessionEnded outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
        });
    }

    /** What the client presented: the answer to an unusable one names it. */
    enum Presented { LINK, CODE }

    /** The address confirmed by a link, for the JSON route and the page alike. */
    static EmailAddress confirmed(ConfirmEmailResult result) {
        return confirmed(result, Presented.LINK);
    }

    /** The address confirmed by what was {@code presented}. */
    static EmailAddress confirmed(ConfirmEmailResult result, Presented presented) {
        return result.accept(new ConfirmEmailResult.Visitor<EmailAddress>() {
            @Override public EmailAddress confirmed(ConfirmEmailResult.Confirmed outcome) { return outcome.email(); }
            @Override public EmailAddress invalidToken(ConfirmEmailResult.InvalidToken outcome) {
                throw reject(presented == Presented.CODE ? new HttpProblem.InvalidCode()
                        : new HttpProblem.InvalidConfirmationToken());
            }
            @Override public EmailAddress addressTaken(ConfirmEmailResult.AddressTaken outcome) {
                throw reject(new HttpProblem.AddressTaken());
            }
        });
    }

    /** The account signed in to by a link and the session it started, for the JSON route and the page alike. */
    static SignInWithLinkResult.SignedIn signedIn(SignInWithLinkResult result) {
        return signedIn(result, Presented.LINK);
    }

    /** The account signed in to by what was {@code presented} and the session it started. */
    static SignInWithLinkResult.SignedIn signedIn(SignInWithLinkResult result, Presented presented) {
        return result.accept(new SignInWithLinkResult.Visitor<SignInWithLinkResult.SignedIn>() {
            @Override public SignInWithLinkResult.SignedIn signedIn(SignInWithLinkResult.SignedIn outcome) { return outcome; }
            @Override public SignInWithLinkResult.SignedIn invalidToken(SignInWithLinkResult.InvalidToken outcome) {
                throw reject(presented == Presented.CODE ? new HttpProblem.InvalidCode()
                        : new HttpProblem.InvalidSignInToken());
            }
        });
    }

    /** The account and its addresses. */
    static ViewAccountResult.Found found(ViewAccountResult result) {
        return result.accept(new ViewAccountResult.Visitor<ViewAccountResult.Found>() {
            @Override public ViewAccountResult.Found found(ViewAccountResult.Found outcome) { return outcome; }
            @Override public ViewAccountResult.Found unknownAccount(ViewAccountResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public ViewAccountResult.Found accountDisabled(ViewAccountResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
        });
    }

    /** The account's recent events. */
    static List<AuditEvent> found(ViewAccountEventsResult result) {
        return result.accept(new ViewAccountEventsResult.Visitor<List<AuditEvent>>() {
            @Override public List<AuditEvent> found(ViewAccountEventsResult.Found outcome) { return outcome.events(); }
            @Override public List<AuditEvent> unknownAccount(ViewAccountEventsResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public List<AuditEvent> accountDisabled(ViewAccountEventsResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
        });
    }

    /** The rotated session; a reused refresh token looks like an invalid one to the client. */
    static RefreshSessionResult.Rotated rotated(RefreshSessionResult result) {
        return result.accept(new RefreshSessionResult.Visitor<RefreshSessionResult.Rotated>() {
            @Override public RefreshSessionResult.Rotated rotated(RefreshSessionResult.Rotated outcome) { return outcome; }
            @Override public RefreshSessionResult.Rotated reused(RefreshSessionResult.Reused outcome) {
                throw reject(new HttpProblem.InvalidRefreshToken());
            }
            @Override public RefreshSessionResult.Rotated invalid(RefreshSessionResult.Invalid outcome) {
                throw reject(new HttpProblem.InvalidRefreshToken());
            }
        });
    }

    /** The address that is primary now. */
    static EmailAddress madePrimary(MakePrimaryResult result) {
        return result.accept(new MakePrimaryResult.Visitor<EmailAddress>() {
            @Override public EmailAddress madePrimary(MakePrimaryResult.MadePrimary outcome) { return outcome.email(); }
            @Override public EmailAddress notFound(MakePrimaryResult.NotFound outcome) {
                throw reject(new HttpProblem.AddressNotFound());
            }
            @Override public EmailAddress unknownAccount(MakePrimaryResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public EmailAddress accountDisabled(MakePrimaryResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
            @Override public EmailAddress mailUnavailable(MakePrimaryResult.MailUnavailable outcome) {
                throw reject(new HttpProblem.MailUnavailable(outcome.retryAfter()));
            }
            @Override public EmailAddress sessionEnded(MakePrimaryResult.SessionEnded outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
        });
    }

    /** Returns when the session was ended. */
    static void ended(EndSessionResult result) {
        result.accept(new EndSessionResult.Visitor<Void>() {
            @Override public Void ended(EndSessionResult.Ended outcome) { return null; }
            @Override public Void notFound(EndSessionResult.NotFound outcome) {
                throw reject(new HttpProblem.SessionNotFound());
            }
        });
    }

    /** The address removed. */
    static EmailAddress removed(RemoveAddressResult result) {
        return result.accept(new RemoveAddressResult.Visitor<EmailAddress>() {
            @Override public EmailAddress removed(RemoveAddressResult.Removed outcome) { return outcome.email(); }
            @Override public EmailAddress isPrimary(RemoveAddressResult.IsPrimary outcome) {
                throw reject(new HttpProblem.PrimaryAddress());
            }
            @Override public EmailAddress notFound(RemoveAddressResult.NotFound outcome) {
                throw reject(new HttpProblem.AddressNotFound());
            }
            @Override public EmailAddress unknownAccount(RemoveAddressResult.UnknownAccount outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
            @Override public EmailAddress accountDisabled(RemoveAddressResult.AccountDisabled outcome) {
                throw reject(new HttpProblem.AccountDisabled());
            }
            @Override public EmailAddress sessionEnded(RemoveAddressResult.SessionEnded outcome) {
                throw reject(new HttpProblem.InvalidAccessToken());
            }
        });
    }

    /** Whether the bearer's session is live; the bearer check refuses the token (and logs why) when it is not. */
    static boolean live(AuthenticateSessionResult result) {
        return result.accept(new AuthenticateSessionResult.Visitor<Boolean>() {
            @Override public Boolean live(AuthenticateSessionResult.Live outcome) { return true; }
            @Override public Boolean notLive(AuthenticateSessionResult.NotLive outcome) { return false; }
        });
    }

    /** The address that is primary again. */
    static EmailAddress undone(UndoPrimaryChangeResult result) {
        return result.accept(new UndoPrimaryChangeResult.Visitor<EmailAddress>() {
            @Override public EmailAddress undone(UndoPrimaryChangeResult.Undone outcome) { return outcome.primary(); }
            @Override public EmailAddress invalidToken(UndoPrimaryChangeResult.InvalidToken outcome) {
                throw reject(new HttpProblem.InvalidUndoToken());
            }
        });
    }

    /** What the confirmation page names: the address and the requester, or nothing for a link that cannot be used. */
    static Optional<PreviewConfirmationResult.Pending> pending(PreviewConfirmationResult result) {
        return result.accept(new PreviewConfirmationResult.Visitor<Optional<PreviewConfirmationResult.Pending>>() {
            @Override public Optional<PreviewConfirmationResult.Pending> pending(PreviewConfirmationResult.Pending outcome) {
                return Optional.of(outcome);
            }
            @Override public Optional<PreviewConfirmationResult.Pending> unusable(PreviewConfirmationResult.Unusable outcome) {
                return Optional.empty();
            }
        });
    }

    private static RejectedRequest reject(HttpProblem problem) {
        return new RejectedRequest(problem);
    }
}
