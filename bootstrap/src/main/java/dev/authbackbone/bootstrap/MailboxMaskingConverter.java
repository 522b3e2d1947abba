package dev.authbackbone.bootstrap;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * The text log's second line of defence (see logback.xml): masks whatever still looks like a
 * mailbox in a message or a stack trace, {@code jane.doe@example.com} becoming
 * {@code j***@example.com}. It does what {@code %replace(…){'([A-Za-z0-9_+-])[A-Za-z0-9._+*-]*@',
 * '$1***@'}} did, in one pass without a regular expression: that replacement ran on every line,
 * and every request logs two or three lines, so it took about a tenth of a request thread's CPU.
 */
public final class MailboxMaskingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return mask(in);
    }

    /** {@code text} with the local part of every mailbox-like run cut to its first character. */
    static String mask(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            // The run of local-part characters that ends at this '@'; its first character that may
            // start a mailbox ('.' and '*' may not) is kept, the rest of the run becomes "***".
            int runStart = at;
            while (runStart > copied && isLocalPart(text.charAt(runStart - 1))) {
                runStart--;
            }
            int keep = runStart;
            while (keep < at && !startsMailbox(text.charAt(keep))) {
                keep++;
            }
            if (keep < at) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, keep + 1).append("***@");
                copied = at + 1;
            }
            at = text.indexOf('@', at + 1);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static boolean startsMailbox(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '+' || c == '-');
    }

    private static boolean isLocalPart(char c) {
        return startsMailbox(c) || c == '.' || c == '*';
    }
}
