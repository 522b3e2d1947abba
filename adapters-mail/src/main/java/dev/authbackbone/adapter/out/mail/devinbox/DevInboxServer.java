package dev.authbackbone.adapter.out.mail.devinbox;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development inbox: an SMTP server on {@code 127.0.0.1} with a port chosen by the system,
 * accepting any sender and recipient, that keeps the most recent mails in memory.
 *
 * <p>Any local user can talk to it, and it shares the server's small heap, so what it holds is
 * bounded: a message over {@value #MAX_MESSAGE_BYTES} bytes is refused while it arrives (see
 * {@link SizeLimitedGreenMail}), and the kept mails are at most {@code capacity} and
 * {@value #MAX_KEPT_CHARACTERS} characters of text together, the oldest making room.
 */
public final class DevInboxServer implements AutoCloseable {

    /** How many mails are kept when no capacity is given. */
    public static final int DEFAULT_CAPACITY = 200;
    /** The largest message accepted, as sent after DATA; our own mails are a few KiB. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;
    /** How many characters of mail text are kept, over all kept mails; the oldest make room. */
    public static final long MAX_KEPT_CHARACTERS = 1024 * 1024;

    private static final String HOST = "127.0.0.1";
    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+");
    private static final Logger LOG = LoggerFactory.getLogger(DevInboxServer.class);

    private final GreenMail greenMail;
    private final int capacity;
    private final Clock clock;
    private final Deque<CapturedMail> mails = new ArrayDeque<>();
    private long keptCharacters;
    // A mail to several recipients is handed over once per recipient; it is kept once.
    private final Set<MovingMessage> captured = Collections.newSetFromMap(new WeakHashMap<>());

    private DevInboxServer(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.greenMail = new SizeLimitedGreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP));
        this.greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        // Capture instead of GreenMail's mailboxes: they would grow without bound, and creating
        // them logs every address.
        this.greenMail.getUserManager().setMessageDeliveryHandler(this::capture);
    }

    /** Starts an inbox keeping the {@value #DEFAULT_CAPACITY} most recent mails. */
    public static DevInboxServer start() {
        return start(DEFAULT_CAPACITY, Clock.systemUTC());
    }

    /**
     * Starts an inbox.
     *
     * @param capacity how many of the most recent mails to keep
     * @param clock    stamps each mail's arrival
     */
    public static DevInboxServer start(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        DevInboxServer inbox = new DevInboxServer(capacity, Objects.requireNonNull(clock, "clock"));
        inbox.greenMail.start();
        LOG.info("Development inbox: SMTP server listening on {}:{}", HOST, inbox.port());
        return inbox;
    }

    /** The address the SMTP server listens on. */
    public String host() {
        return HOST;
    }

    /** The port the system gave the SMTP server. */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** The captured mails, newest first. */
    public List<CapturedMail> newestFirst() {
        synchronized (mails) {
            return List.copyOf(mails);
        }
    }

    /** Stops the SMTP server; the mails captured so far stay readable. */
    @Override
    public void close() {
        greenMail.stop();
    }

    private GreenMailUser capture(MovingMessage message, MailAddress recipient) {
        synchronized (mails) {
            if (captured.add(message)) {
                CapturedMail mail = toCapturedMail(message, recipient);
                mails.addFirst(mail);
                keptCharacters += mail.size();
                // The newest mail always stays: one is at most MAX_MESSAGE_BYTES, far below the budget.
                while (mails.size() > capacity || keptCharacters > MAX_KEPT_CHARACTERS && mails.size() > 1) {
                    keptCharacters -= mails.removeLast().size();
                }
            }
        }
        return DiscardingUser.INSTANCE;
    }

    private CapturedMail toCapturedMail(MovingMessage moving, MailAddress recipient) {
        MimeMessage message = moving.getMessage();
        List<String> to = new ArrayList<>();
        for (MailAddress address : moving.getToAddresses()) {
            to.add(address.getEmail());
        }
        if (to.isEmpty()) {
            to.add(recipient.getEmail());
        }
        String text = text(message);
        return new CapturedMail(from(moving), List.copyOf(to), subject(message), text, clock.instant(), links(text));
    }

    private static String from(MovingMessage moving) {
        try {
            Address[] from = moving.getMessage().getFrom();
            if (from != null && from.length > 0) {
                return from[0] instanceof InternetAddress address ? address.toUnicodeString() : from[0].toString();
            }
        } catch (MessagingException e) {
            LOG.debug("unreadable From header in a captured mail", e);
        }
        return moving.getReturnPath() == null ? "" : moving.getReturnPath().getEmail();
    }

    private static String subject(MimeMessage message) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : subject;
        } catch (MessagingException e) {
            return "";
        }
    }

    /** The plain-text part (with the wire's CRLF as plain newlines), else the HTML part without its tags, else nothing. */
    private static String text(MimeMessage message) {
        try {
            String plain = firstPart(message, "text/plain");
            if (plain != null) {
                return plain.replace("\r\n", "\n");
            }
            String html = firstPart(message, "text/html");
            return html == null ? "" : html.replaceAll("(?s)<[^>]*>", " ").replaceAll("[ \\t]+", " ").strip();
        } catch (MessagingException | IOException e) {
            LOG.debug("unreadable body in a captured mail", e);
            return "";
        }
    }

    private static String firstPart(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String text ? text : null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = firstPart(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static List<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            // Sentence punctuation after a link is not part of it.
            links.add(matcher.group().replaceAll("[.,;:!?]+$", ""));
        }
        return List.copyOf(links);
    }

    /** The mailbox GreenMail delivers into after {@link #capture}: it keeps nothing. */
    private static final class DiscardingUser implements GreenMailUser {

        static final DiscardingUser INSTANCE = new DiscardingUser();

        @Override
        public String getEmail() {
            return "dev-inbox@localhost";
        }

        @Override
        public String getLogin() {
            return "dev-inbox";
        }

        @Override
        public void deliver(MovingMessage msg) {
            // Already captured.
        }

        @Override
        public void deliver(MimeMessage msg) {
            // Already captured.
        }

        @Override
        public void create() {
            // Nothing to create.
        }

        @Override
        public void delete() {
            // Nothing to delete.
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
            // No login to protect.
        }

        @Override
        public void authenticate(String password) {
            // Any login is accepted.
        }

        @Override
        public String getQualifiedMailboxName() {
            return "dev-inbox";
        }
    }

    /** A captured mail, with the links found in its text. */
    public record CapturedMail(String from, List<String> to, String subject, String text, Instant receivedAt,
                               List<String> links) {

        /** Roughly the characters this mail holds, for the inbox's budget. */
        long size() {
            long size = from.length() + subject.length() + text.length();
            for (String address : to) {
                size += address.length();
            }
            for (String link : links) {
                size += link.length();
            }
            return size;
        }
    }
}
