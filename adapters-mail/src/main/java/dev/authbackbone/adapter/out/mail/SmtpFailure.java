package dev.authbackbone.adapter.out.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed send means: the recipient was refused for good (the address's fate, not the
 * transport's), refused for now (this one mail cannot go, the transport works), or the transport
 * is unavailable for now. Reads the library's exception chain, so that no library type has to
 * leave the adapter.
 */
sealed interface SmtpFailure {

    /**
     * The server refused this one mail for good after accepting the sender: a 5xx to RCPT TO, to
     * DATA or at the end of the data (a content or per-recipient policy). SPEC counts neither as the
     * transport's failure, and a mail has one recipient, so a refusal of the mail is the recipient's.
     */
    record RecipientRejected(int replyCode, String reply) implements SmtpFailure {}

    /**
     * The server answered this one mail with a transient 4xx after accepting the sender: at RCPT TO
     * (an unknown or greylisted domain) or at the end of DATA. Only 421, which closes the session,
     * is the transport's failure.
     */
    record RecipientDeferred(int replyCode, String reply) implements SmtpFailure {}

    /**
     * The server refused the sender for good (a 5xx to MAIL FROM): no mail goes out, which is most
     * likely {@code AUTH_MAIL_FROM}'s or the relay's configuration. SPEC's list of the transport's
     * failures has only a 4xx there, so it does not count toward the breaker; the request gets 503.
     */
    record SenderRejected(int replyCode, String reply) implements SmtpFailure {}

    /**
     * Anything else: no connection, no answer in time, a TLS or login failure, 421, a 4xx to the
     * greeting, EHLO or MAIL FROM.
     */
    record Unavailable(String reason) implements SmtpFailure {}

    /** The reply that ends the session whatever the command: always the transport's failure. */
    int SERVICE_NOT_AVAILABLE = 421;

    int MAX_REPLY_LENGTH = 200;

    /** Classifies {@code failure}; every text in the result has its addresses masked. */
    static SmtpFailure classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused && isPermanent(refused.getReturnCode())) {
                return new RecipientRejected(refused.getReturnCode(), reply(refused.getMessage()));
            }
        }
        // A refused sender refuses every mail: for now (4xx) the transport's failure, for good (5xx) its own case.
        List<Throwable> senderRefusals = chain.stream().filter(SmtpFailure::isSenderRefusal).toList();
        for (Throwable t : senderRefusals) {
            if (isPermanent(returnCodeOf(t))) {
                return new SenderRejected(returnCodeOf(t), reply(t.getMessage()));
            }
        }
        for (Throwable t : senderRefusals.isEmpty() ? chain : List.<Throwable>of()) {
            int code = t instanceof SMTPAddressFailedException refused ? refused.getReturnCode()
                    : t instanceof SMTPSendFailedException refused ? refused.getReturnCode() : 0;
            if (isTransient(code)) {
                return new RecipientDeferred(code, reply(t.getMessage()));
            }
            if (t instanceof SMTPSendFailedException && isPermanent(code)) {
                return new RecipientRejected(code, reply(t.getMessage()));
            }
        }
        return new Unavailable(reason(chain));
    }

    /**
     * Angus Mail adds a {@link SMTPSenderFailedException} only for the 5xx codes it reads as a bad
     * address; any other refusal of MAIL FROM, a 4xx above all, arrives as a bare
     * {@link SMTPSendFailedException} that only its command tells apart from a refusal at DATA.
     */
    private static boolean isSenderRefusal(Throwable t) {
        return t instanceof SMTPSenderFailedException
                || t instanceof SMTPSendFailedException refused && isMailFrom(refused.getCommand());
    }

    private static int returnCodeOf(Throwable t) {
        return t instanceof SMTPSenderFailedException refused ? refused.getReturnCode()
                : t instanceof SMTPSendFailedException refused ? refused.getReturnCode() : 0;
    }

    private static boolean isMailFrom(String command) {
        return command != null && command.regionMatches(true, 0, "MAIL FROM", 0, "MAIL FROM".length());
    }

    private static boolean isTransient(int replyCode) {
        return replyCode >= 400 && replyCode <= 499 && replyCode != SERVICE_NOT_AVAILABLE;
    }

    private static boolean isPermanent(int replyCode) {
        return replyCode >= 500 && replyCode <= 599;
    }

    private static String reason(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                return "the SMTP server refused the recipient for now: " + reply(refused.getMessage());
            }
            if (t instanceof SMTPSenderFailedException refused) {
                return "the SMTP server refused the sender: " + reply(refused.getMessage());
            }
            if (t instanceof SMTPSendFailedException refused && isMailFrom(refused.getCommand())) {
                return "the SMTP server refused the sender" + (isTransient(refused.getReturnCode()) ? " for now" : "")
                        + " (" + reply(refused.getMessage()) + ")";
            }
            if (t instanceof SMTPSendFailedException refused) {
                return "the SMTP server refused the mail: " + reply(refused.getMessage());
            }
            if (t instanceof AuthenticationFailedException) {
                return "the SMTP server did not accept the login";
            }
            if (t instanceof SocketTimeoutException) {
                return "the SMTP server did not answer in time";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return "cannot connect to the SMTP server (" + reply(t.getMessage()) + ")";
            }
            if (t instanceof UnknownHostException) {
                return "the SMTP host name does not resolve";
            }
            if (t instanceof SSLException) {
                return "TLS with the SMTP server failed (" + reply(t.getMessage()) + ")";
            }
        }
        // simplejavamail's own wrapper says nothing useful; the deepest mail exception usually does.
        String detail = null;
        for (Throwable t : chain) {
            if (t instanceof MessagingException && t.getMessage() != null) {
                detail = t.getMessage();
            }
        }
        Throwable root = chain.get(chain.size() - 1);
        return "SMTP failure: " + reply(detail != null ? detail : root.getClass().getSimpleName());
    }

    /** One line, addresses masked, bounded: server replies are untrusted text. */
    private static String reply(String text) {
        String oneLine = AddressMasking.maskAll(text).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return oneLine.length() <= MAX_REPLY_LENGTH ? oneLine : oneLine.substring(0, MAX_REPLY_LENGTH) + "…";
    }

    /** The causes, following Jakarta Mail's "next exception" links too, without looping. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException messaging) {
                todo.add(messaging.getNextException());
            }
        }
        return chain;
    }
}
