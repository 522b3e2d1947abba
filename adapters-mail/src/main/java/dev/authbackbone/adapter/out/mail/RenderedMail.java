package dev.authbackbone.adapter.out.mail;

import java.util.Objects;

/**
 * A mail ready to send: the subject and the same content as plain text and as HTML.
 *
 * @param subject the subject line
 * @param text    the plain-text body
 * @param html    the HTML body, a complete document with everything inserted escaped
 */
public record RenderedMail(String subject, String text, String html) {

    public RenderedMail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
