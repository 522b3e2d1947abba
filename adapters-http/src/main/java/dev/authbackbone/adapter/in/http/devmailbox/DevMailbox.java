package dev.authbackbone.adapter.in.http.devmailbox;

import java.time.Instant;
import java.util.List;

/**
 * What the {@code /dev/mailbox} routes show: the mails a development mail server captured. The
 * composition root adapts whichever capturing server it started to this interface; nothing else
 * in the system knows of it.
 */
public interface DevMailbox {

    /** The captured mails, newest first. */
    List<CapturedMail> newestFirst();

    /** A captured mail, with the links found in its text. */
    record CapturedMail(String from, List<String> to, String subject, String text, Instant receivedAt,
                        List<String> links) {}
}
