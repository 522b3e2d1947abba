package dev.authbackbone.domain.port.in;

import java.time.Instant;
import java.util.List;

/**
 * The development inbox: mails captured by the built-in SMTP server when no real one is configured.
 * Exists only then; the HTTP adapter shows it at {@code /dev/mailbox}.
 */
public interface DevInbox {

    /** The captured mails, newest first. */
    List<CapturedMail> newestFirst();

    /** A captured mail, with the links found in its text. */
    record CapturedMail(String from, List<String> to, String subject, String text, Instant receivedAt,
                        List<String> links) {}
}
