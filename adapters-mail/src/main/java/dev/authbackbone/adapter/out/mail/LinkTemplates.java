package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.token.OneTimeToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URLs mailed links point at, each with a {@value #TOKEN_PLACEHOLDER} placeholder for the token.
 *
 * @param confirmUrlTemplate the link in a confirmation mail
 * @param signInUrlTemplate  the link in a sign-in (magic link) mail
 * @param undoUrlTemplate    the undo link in the notice of a primary-address change
 */
public record LinkTemplates(String confirmUrlTemplate, String signInUrlTemplate, String undoUrlTemplate) {

    /** Replaced by the token's raw value. */
    public static final String TOKEN_PLACEHOLDER = "{token}";

    public LinkTemplates {
        check("confirmUrlTemplate", confirmUrlTemplate);
        check("signInUrlTemplate", signInUrlTemplate);
        check("undoUrlTemplate", undoUrlTemplate);
    }

    /**
     * The given confirmation and sign-in links, with the undo link on the bundled page under
     * {@code publicBaseUrl}: undoing is this server's own safety net, not a front end's flow.
     */
    public static LinkTemplates of(String confirmUrlTemplate, String signInUrlTemplate, String publicBaseUrl) {
        return new LinkTemplates(confirmUrlTemplate, signInUrlTemplate, underBaseUrl(publicBaseUrl).undoUrlTemplate());
    }

    /**
     * The bundled pages under {@code publicBaseUrl}: {@code <base>/auth/confirm-email?token={token}}
     * , {@code <base>/auth/magic-link?token={token}} and {@code <base>/auth/undo?token={token}}.
     */
    public static LinkTemplates underBaseUrl(String publicBaseUrl) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            throw new IllegalArgumentException("publicBaseUrl must be an http(s) URL");
        }
        String base = publicBaseUrl.strip().replaceAll("/+$", "");
        return new LinkTemplates(base + "/auth/confirm-email?token=" + TOKEN_PLACEHOLDER,
                base + "/auth/magic-link?token=" + TOKEN_PLACEHOLDER, base + "/auth/undo?token=" + TOKEN_PLACEHOLDER);
    }

    /** The link that confirms an address. */
    public String confirmUrl(OneTimeToken token) {
        return fill(confirmUrlTemplate, token);
    }

    /** The link that signs a person in. */
    public String signInUrl(OneTimeToken token) {
        return fill(signInUrlTemplate, token);
    }

    /** The link that undoes a primary-address change. */
    public String undoUrl(OneTimeToken token) {
        return fill(undoUrlTemplate, token);
    }

    private static String fill(String template, OneTimeToken token) {
        // A token is base64url, so it needs no escaping in a path, a query or a fragment.
        return template.replace(TOKEN_PLACEHOLDER, token.reveal());
    }

    private static void check(String field, String template) {
        if (template == null || !template.contains(TOKEN_PLACEHOLDER)) {
            throw new IllegalArgumentException(field + " must contain " + TOKEN_PLACEHOLDER + ", was: " + template);
        }
        if (template.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new IllegalArgumentException(field + " must not contain spaces or control characters");
        }
        // Only web links: the template ends up in an href, where javascript: or data: would be dangerous.
        String lower = template.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw new IllegalArgumentException(field + " must be an http:// or https:// URL, was: " + template);
        }
        try {
            URI uri = new URI(template.replace(TOKEN_PLACEHOLDER, "token"));
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(field + " must name a host, was: " + template);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a valid URL (" + e.getReason() + "): " + template, e);
        }
    }
}
