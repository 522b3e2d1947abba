package dev.authbackbone.adapter.in.http.page;

import static dev.authbackbone.adapter.in.http.page.Html.escape;

import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox.CapturedMail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled HTML pages. They load nothing from elsewhere and run no script: one inline style
 * sheet, allowed by its hash in the Content-Security-Policy, and forms that post to this server.
 */
public final class Pages {

    /** The content type of every page. */
    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final String STYLE = String.join("",
            "*{box-sizing:border-box}",
            "body{margin:0;background:#f3f4f6;color:#1f2933;",
            "font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,Helvetica,Arial,sans-serif}",
            "main{max-width:34rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:12px;",
            "box-shadow:0 1px 3px rgba(0,0,0,.1)}",
            "main.wide{max-width:60rem}",
            "h1{font-size:1.5rem;margin:0 0 1rem}",
            "h2{font-size:1.1rem;margin:0 0 .25rem}",
            "p{margin:0 0 1rem}",
            "button{font:inherit;font-weight:600;padding:.6rem 1.6rem;border:0;border-radius:8px;",
            "background:#2563eb;color:#fff;cursor:pointer}",
            "button:hover,button:focus{background:#1d4ed8}",
            "input{font:inherit;width:100%;padding:.5rem;border:1px solid #cbd2d9;border-radius:8px}",
            "pre{margin:0 0 1rem;padding:.75rem;background:#f1f5f9;border-radius:8px;",
            "white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9rem}",
            "code.token{user-select:all}",
            ".muted{color:#52606d;font-size:.9rem}",
            "article{border-top:1px solid #e4e7eb;padding-top:1rem;margin-top:1rem}",
            "ul{margin:0 0 1rem;padding-left:1.25rem}",
            "a{color:#2563eb;overflow-wrap:anywhere}",
            // A phone gets the whole width: no card margin to squeeze the text into a narrow column.
            "@media (max-width:40rem){main{margin:0;padding:1rem;border-radius:0;box-shadow:none}}");

    private static final Map<String, String> HEADERS = securityHeaders();

    private Pages() {}

    /**
     * The headers every page is sent with: no referrer (a page's URL can hold a token), no framing,
     * no sniffing, no caching, and a policy that allows only the inline style and same-origin forms.
     */
    public static Map<String, String> headers() {
        return HEADERS;
    }

    /**
     * The page a confirmation link opens: pressing Confirm posts the token; opening it does nothing.
     * While the link can be used it names the address and the account that asked ({@code requester},
     * its masked primary), and says what confirming does, so that nobody links an address blindly.
     */
    public static String confirmEmail(String token, Optional<String> address, Optional<String> requester) {
        String what = address.map(a -> "<strong>" + escape(a) + "</strong>").orElse("this email address");
        String who = requester.map(r -> "<p>The account <strong>" + escape(r) + "</strong> asked to add " + what
                + ". Confirming lets that account sign in with " + what
                + ". If you do not know that account, do not confirm.</p>\n")
                .orElse("<p>Press <strong>Confirm</strong> to link " + what + " to the account that asked for it.</p>\n");
        return page("Confirm your email address", """
                <h1>Confirm your email address</h1>
                %s<form method="post" action="/auth/confirm-email">
                <input type="hidden" name="token" value="%s">
                <button type="submit">Confirm</button>
                </form>
                <p class="muted">Opened this on another device? The mail also holds an 8-character code: type it
                in the app where you asked to add the address, signed in as the account that asked. The code
                and this button are one: using either spends both.</p>
                """.formatted(who, escape(token)), false);
    }

    /** The page an undo link opens: pressing Undo posts the token; opening it does nothing. */
    public static String undoPrimaryChange(String token) {
        return page("Undo the change of your primary address", """
                <h1>Undo the change of your primary address</h1>
                <p>Press <strong>Undo</strong> to make this address your account's primary address again, and
                its only one: every other address is removed (you can link yours again afterwards), and every
                session of the account is signed out.</p>
                <form method="post" action="/auth/undo">
                <input type="hidden" name="token" value="%s">
                <button type="submit">Undo</button>
                </form>
                """.formatted(escape(token)), false);
    }

    /** The answer to a successful undo. */
    public static String primaryChangeUndone(String primary) {
        return page("Change undone", """
                <h1>Change undone</h1>
                <p><strong>%s</strong> is your account's primary address again and its only one, and every
                session of the account has been signed out. Link your other addresses again if you want them.</p>
                <p class="muted">Sign in again with this address to look at your account.</p>
                """.formatted(escape(primary)), false);
    }

    /** The answer to a successful confirmation. */
    public static String emailConfirmed(String address) {
        return page("Email confirmed", """
                <h1>Email confirmed</h1>
                <p><strong>%s</strong> is now linked to your account.</p>
                <p class="muted">You can close this page.</p>
                """.formatted(escape(address)), false);
    }

    /** The page a magic link opens: pressing Sign in posts the token; opening it does nothing. */
    public static String signIn(String token) {
        return page("Sign in", """
                <h1>Sign in</h1>
                <p>Press <strong>Sign in</strong> to finish signing in.</p>
                <form method="post" action="/auth/magic-link">
                <input type="hidden" name="token" value="%s">
                <button type="submit">Sign in</button>
                </form>
                %s""".formatted(escape(token), CODE_FORM), false);
    }

    /** The page for signing in with the code from a sign-in mail instead of its link. */
    public static String signInWithCode() {
        return page("Sign in with a code", "<h1>Sign in with a code</h1>\n" + CODE_FORM, false);
    }

    /** A form that posts an address and the code mailed to it; the code and the link are one credential. */
    private static final String CODE_FORM = """
            <form method="post" action="/auth/magic-link/code">
            <p>Or type the 8-character code from the mail, with the address it was sent to
            (the code and the link are one: using either spends both).</p>
            <p><label>Email address<br><input type="email" name="email" autocomplete="email" required maxlength="254"></label></p>
            <p><label>Code<br><input type="text" name="code" autocomplete="one-time-code" required maxlength="32"
            autocapitalize="characters" spellcheck="false"></label></p>
            <button type="submit">Sign in with the code</button>
            </form>
            """;

    /** The answer to a successful sign-in: the access token, ready to copy, and how to use it. */
    public static String signedIn(String accessToken, Duration expiresIn, String meUrl) {
        String curl = "curl -H 'Authorization: Bearer " + accessToken + "' '" + meUrl + "'";
        return page("Signed in", """
                <h1>You are signed in</h1>
                <p>Your access token (valid for %s):</p>
                <pre><code class="token">%s</code></pre>
                <p>Try it:</p>
                <pre><code>%s</code></pre>
                <p class="muted">Keep the token to yourself: it stands for you until it expires.</p>
                """.formatted(escape(describe(expiresIn)), escape(accessToken), escape(curl)), false);
    }

    /** A page that says what went wrong, in a heading and a sentence. */
    public static String problem(String title, String sentence) {
        return page(title, """
                <h1>%s</h1>
                <p>%s</p>
                """.formatted(escape(title), escape(sentence)), false);
    }

    /** The development inbox: every captured mail, newest first, with its links clickable. */
    public static String mailbox(List<CapturedMail> mails) {
        StringBuilder body = new StringBuilder("<h1>Development inbox</h1>\n");
        if (mails.isEmpty()) {
            body.append("<p class=\"muted\">No mail yet.</p>\n");
        }
        for (CapturedMail mail : mails) {
            body.append("<article>\n<h2>").append(escape(nullToEmpty(mail.subject()))).append("</h2>\n")
                    .append("<p class=\"muted\">From ").append(escape(nullToEmpty(mail.from())))
                    .append(" to ").append(escape(String.join(", ", mail.to())))
                    .append(" at ").append(escape(received(mail.receivedAt()))).append("</p>\n");
            if (!mail.links().isEmpty()) {
                body.append("<ul>\n");
                for (String link : mail.links()) {
                    body.append("<li>").append(linkOrText(link)).append("</li>\n");
                }
                body.append("</ul>\n");
            }
            body.append("<pre>").append(escape(nullToEmpty(mail.text()))).append("</pre>\n</article>\n");
        }
        return page("Development inbox", body.toString(), true);
    }

    /** To the second, in UTC: the nanoseconds of an {@code Instant} only get in a reader's way. */
    private static String received(Instant at) {
        return at == null ? "" : RECEIVED.format(at);
    }

    private static String linkOrText(String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        // Only web links become anchors: a mail could carry a javascript: or data: URL.
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "<a href=\"" + escape(link) + "\" rel=\"noreferrer noopener\">" + escape(link) + "</a>";
        }
        return escape(link);
    }

    private static String page(String title, String body, boolean wide) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s</title>
                <style>%s</style>
                </head>
                <body>
                <main%s>
                %s</main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, wide ? " class=\"wide\"" : "", body);
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds >= 3600) {
            return plural(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0 && seconds >= 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'none'; style-src '" + styleHash()
                + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Cache-Control", "no-store");
        return Collections.unmodifiableMap(headers);
    }

    /** The CSP source for the inline style sheet: the hash of exactly the text between the tags. */
    static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
