package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.simplejavamail.api.email.ContentTransferEncoding;
import org.simplejavamail.api.email.Email;
import org.simplejavamail.api.mailer.Mailer;
import org.simplejavamail.api.mailer.MailerRegularBuilder;
import org.simplejavamail.api.mailer.config.TransportStrategy;
import org.simplejavamail.email.EmailBuilder;
import org.simplejavamail.mailer.MailerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends mail over SMTP with simplejavamail, as a multipart text and HTML message to the
 * recipient's deliverable address. A permanent refusal of the recipient (5xx to RCPT TO) is logged
 * and swallowed; every other failure becomes a {@link MailUnavailableException}, and no library
 * type leaves this class. A transient refusal of this one mail carries a
 * {@link RecipientDeferredException} as its cause, so that the circuit breaker does not count it. A send never takes much longer than {@link SmtpSettings#timeout()}.
 */
public final class SimpleJavaMailSender implements MailSender, AutoCloseable {

    /** What a client is told to wait after a single failed send; the breaker knows better once it is open. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final long NOT_STARTED = Long.MIN_VALUE;
    /** What a queued send's start time becomes when its caller stopped waiting for a connection. */
    private static final long ABANDONED = Long.MIN_VALUE + 1;

    /**
     * How long the pooled connections may go without progress (no send beginning or ending) while a
     * send waits for one (at most the timeout). A relay that stalls holds all of them, and every
     * request waiting behind them held a request thread for the whole timeout: 60 requests from one
     * client for recipients a relay answered slowly took all 48 threads, so {@code /health/live} took
     * 10 s for everyone and some requests were never answered (an outside probe). Now a send waits
     * while the connections make progress, however slowly the relay takes each mail, gives up once
     * they have made none for this long, and is refused at once while they are all stalled.
     */
    static final Duration MAX_STALL = Duration.ofSeconds(1);

    /**
     * Sends that may wait for a sending thread. A send that overran its deadline keeps its thread
     * until the socket timeouts end it, so threads are bounded (one per pooled connection) and a slow
     * server fills this queue instead; a send that finds it full fails at once as unavailable.
     */
    private static final int MAX_QUEUED_SENDS = 1024;

    /** Open SMTP connections kept for reuse when the caller does not say. */
    public static final int DEFAULT_CONNECTION_POOL_SIZE = 8;

    /** An idle pooled connection is closed after this long; a server drops idle clients after a few minutes. */
    private static final Duration CONNECTION_MAX_IDLE = Duration.ofSeconds(30);

    /** RFC 5322's limit on a line, without its CRLF. */
    private static final int MAX_LINE_OCTETS = 998;

    private static final Logger LOG = LoggerFactory.getLogger(SimpleJavaMailSender.class);

    /**
     * Jakarta Mail asks for its {@code StreamProvider} in every body part, multipart, header block
     * and encoder it creates, and without this property finds it through {@code ServiceLoader} each
     * time, which re-reads the service files of the class path: measured as 39 % of everything the
     * server allocated, about 300 KiB per mail. The property is the API's own documented first
     * choice, so naming the one provider on the class path (Angus's) skips the scan; it is set only
     * when nobody set it.
     */
    static final String STREAM_PROVIDER_PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER_PROPERTY) == null && angusOnClassPath()) {
            System.setProperty(STREAM_PROVIDER_PROPERTY, ANGUS_STREAM_PROVIDER);
        }
    }

    private static boolean angusOnClassPath() {
        try {
            Class.forName(ANGUS_STREAM_PROVIDER, false, SimpleJavaMailSender.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private final MailTemplates templates;
    private final InternetAddress from;
    private final Duration timeout;
    private final String server;
    private final Mailer mailer;
    private final ThreadPoolExecutor sends;
    /** When a send last began or ended: the pooled connections' last progress. */
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());

    /** As below, with {@value #DEFAULT_CONNECTION_POOL_SIZE} pooled connections. */
    public SimpleJavaMailSender(SmtpSettings settings, MailTemplates templates) {
        this(settings, templates, DEFAULT_CONNECTION_POOL_SIZE);
    }

    /**
     * Builds the mailer once; connects only when sending, and keeps up to {@code connectionPoolSize}
     * connections open for the next mails (simplejavamail's batch module), so that a mail costs
     * MAIL, RCPT and DATA instead of a connection, a greeting, EHLO and QUIT as well.
     *
     * @param settings           the server, login, transport security, sender and timeout
     * @param templates          renders each mail
     * @param connectionPoolSize the most SMTP connections open at once; a send that finds them
     *                           all busy waits for one, within the timeout
     */
    public SimpleJavaMailSender(SmtpSettings settings, MailTemplates templates, int connectionPoolSize) {
        Objects.requireNonNull(settings, "settings");
        if (connectionPoolSize < 1) {
            throw new IllegalArgumentException("connectionPoolSize must be at least 1, was " + connectionPoolSize);
        }
        this.templates = Objects.requireNonNull(templates, "templates");
        this.from = settings.fromAddress();
        this.timeout = settings.timeout();
        this.server = settings.host() + ":" + settings.port();
        // One sending thread per pooled connection (more would only wait for a connection); sends
        // beyond that wait in a bounded queue, each still within its deadline.
        this.sends = new ThreadPoolExecutor(connectionPoolSize, connectionPoolSize, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED_SENDS), daemonThreads("smtp-send"));
        this.sends.allowCoreThreadTimeOut(true);
        this.mailer = buildMailer(settings, connectionPoolSize);
    }

    private Mailer buildMailer(SmtpSettings settings, int connectionPoolSize) {
        TransportStrategy strategy = switch (settings.transport()) {
            case SMTP -> TransportStrategy.SMTP;
            case STARTTLS -> TransportStrategy.SMTP_TLS;
            case SMTPS -> TransportStrategy.SMTPS;
        };
        boolean verifyCertificates = settings.transport() != SmtpSettings.Transport.SMTP;
        MailerRegularBuilder<?> builder = MailerBuilder
                .withSMTPServer(settings.host(), settings.port(), settings.username(), settings.password())
                .withTransportStrategy(strategy)
                // Connection, read and write timeout of every socket operation.
                .withSessionTimeout((int) settings.timeout().toMillis())
                // The domain has already validated the address; a second, stricter opinion would only
                // turn valid addresses into failures. The CRLF-injection checks stay on.
                .clearEmailValidator()
                // simplejavamail trusts every certificate by default; only opportunistic STARTTLS
                // (plain SMTP) may, required TLS must verify.
                .trustingAllHosts(!verifyCertificates)
                .verifyingServerIdentity(verifyCertificates)
                // simplejavamail also reads settings from its own property file and environment
                // variables; these two would silently stop sending or log every mail with its token.
                .withTransportModeLoggingOnly(false)
                .withDebugLogging(false)
                // Pooled connections (batch module): none kept open at first, at most this many,
                // a busy pool waited on no longer than the timeout, idle ones closed after a while.
                .withConnectionPoolCoreSize(0)
                .withConnectionPoolMaxSize(connectionPoolSize)
                .withConnectionPoolClaimTimeoutMillis((int) settings.timeout().toMillis())
                .withConnectionPoolExpireAfterMillis((int) CONNECTION_MAX_IDLE.toMillis());
        return builder.buildMailer();
    }

    @Override
    public void send(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        RenderedMail rendered = templates.render(mail);
        Email email = toEmail(mail.recipient(), rendered);
        Future<?> attempt;
        AtomicLong onTheWireSince = new AtomicLong(NOT_STARTED);
        CountDownLatch began = new CountDownLatch(1);
        long submitted = System.nanoTime();
        if (sends.getActiveCount() >= sends.getMaximumPoolSize() && submitted - lastProgress.get() >= stallBound()) {
            throw busy(mail.recipient(), "none has made progress for a while");
        }
        try {
            // The request's log context (its request id) follows the send onto the sending thread.
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            attempt = sends.submit(() -> {
                long start = System.nanoTime();
                if (!onTheWireSince.compareAndSet(NOT_STARTED, start)) {
                    return;
                }
                lastProgress.set(start);
                began.countDown();
                if (logContext != null) {
                    MDC.setContextMap(logContext);
                }
                try {
                    mailer.sendMail(email);
                } finally {
                    lastProgress.set(System.nanoTime());
                    MDC.clear();
                }
            });
        } catch (RejectedExecutionException e) {
            throw unavailable(mail.recipient(), "too many mails are waiting on the SMTP server");
        }
        try {
            awaitAConnection(began, onTheWireSince, attempt, submitted, mail.recipient());
            long left = timeout.toNanos() - (System.nanoTime() - submitted);
            attempt.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The socket timeouts bound each step, this bounds the whole exchange; the thread left
            // behind ends at its next socket timeout.
            attempt.cancel(true);
            long started = onTheWireSince.get();
            if (started == NOT_STARTED || started - submitted > timeout.toNanos() / 10) {
                // It waited behind other sends before its own began, so it ran out of time on the
                // queue, not on the server: no evidence against the server. Counting it let requests
                // for recipients the relay answers slowly (refusing or even accepting them, each
                // within the timeout) open the breaker for everyone.
                LOG.warn("Mail to {} not sent through {}: it waited for a free SMTP connection within its {} ms",
                        AddressMasking.mask(mail.recipient()), server, timeout.toMillis());
                throw new MailUnavailableException("Mail transport busy: no SMTP connection came free in time",
                        RETRY_AFTER, new WaitedForAConnectionException());
            }
            throw unavailable(mail.recipient(), "the SMTP server did not finish within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable(mail.recipient(), "interrupted while waiting for the SMTP server");
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            if (failure instanceof Error error) {
                throw error;
            }
            SmtpFailure meaning = SmtpFailure.classify(failure);
            if (meaning instanceof SmtpFailure.RecipientRejected rejected) {
                LOG.info("SMTP server {} permanently refused the mail to {} ({}); not retrying",
                        server, AddressMasking.mask(mail.recipient()), rejected.reply());
                return;
            }
            if (meaning instanceof SmtpFailure.RecipientDeferred deferred) {
                LOG.warn("SMTP server {} refused recipient {} for now ({})", server,
                        AddressMasking.mask(mail.recipient()), deferred.reply());
                throw new MailUnavailableException("Mail transport refused this recipient for now: " + deferred.reply(),
                        RETRY_AFTER, new RecipientDeferredException());
            }
            if (meaning instanceof SmtpFailure.SenderRejected rejected) {
                LOG.warn("SMTP server {} refused the sender for good ({}); no mail can go out: check AUTH_MAIL_FROM "
                        + "and the relay's settings", server, rejected.reply());
                throw new MailUnavailableException("Mail transport refused the sender: " + rejected.reply(), RETRY_AFTER,
                        new SenderRejectedException());
            }
            throw unavailable(mail.recipient(), ((SmtpFailure.Unavailable) meaning).reason());
        }
    }

    /**
     * Returns once the send has begun. Gives it up, out of the queue, when the connections have made
     * no progress for {@link #MAX_STALL} since it was submitted, or when its whole timeout is spent
     * waiting (its cause tells the breaker not to count it).
     */
    private void awaitAConnection(CountDownLatch began, AtomicLong onTheWireSince, Future<?> attempt, long submitted,
                                  EmailAddress recipient) throws InterruptedException {
        long stall = stallBound();
        while (true) {
            long now = System.nanoTime();
            long quietSince = Math.max(submitted, lastProgress.get());
            long giveUpAt = Math.min(quietSince + stall, submitted + timeout.toNanos());
            if (began.await(giveUpAt - now, TimeUnit.NANOSECONDS)) {
                return;
            }
            now = System.nanoTime();
            boolean progressed = now - Math.max(submitted, lastProgress.get()) < stall;
            if (progressed && now - submitted < timeout.toNanos()) {
                continue;
            }
            if (!onTheWireSince.compareAndSet(NOT_STARTED, ABANDONED)) {
                return;
            }
            sends.remove((Runnable) attempt);
            throw busy(recipient, "they made no progress for " + TimeUnit.NANOSECONDS.toMillis(stall) + " ms");
        }
    }

    private long stallBound() {
        return Math.min(timeout.toNanos(), MAX_STALL.toNanos());
    }

    private MailUnavailableException busy(EmailAddress recipient, String why) {
        LOG.warn("Mail to {} not sent through {}: every SMTP connection is busy and {}", AddressMasking.mask(recipient),
                server, why);
        return new MailUnavailableException("Mail transport busy: no SMTP connection came free in time", RETRY_AFTER,
                new WaitedForAConnectionException());
    }

    private Email toEmail(EmailAddress recipient, RenderedMail rendered) {
        InternetAddress to = new InternetAddress();
        // Set, not parsed: the domain has validated the address, and its ASCII form needs no encoding.
        to.setAddress(recipient.deliverable());
        // ignoringDefaults: simplejavamail would otherwise add recipients or headers configured
        // through its own property file or environment variables.
        return EmailBuilder.ignoringDefaults().startingBlank()
                .from(from)
                .to(to)
                .withSubject(rendered.subject())
                .withPlainText(rendered.text())
                .withHTMLText(rendered.html())
                .withContentTransferEncoding(transferEncodingOf(rendered))
                .withHeader("Auto-Submitted", "auto-generated")
                .buildEmail();
    }

    /**
     * 7bit when both bodies may travel as they are, quoted-printable (simplejavamail's default)
     * otherwise. Our templates are ASCII with short lines, so most mails go as 7bit and the link and
     * the code stand verbatim in the raw message, with no "=3D" and no soft line breaks for a reader
     * of the source to undo (docs/performance.md, change 36). An address or a link outside ASCII, or
     * an overlong line, still gets quoted-printable.
     */
    static ContentTransferEncoding transferEncodingOf(RenderedMail rendered) {
        return isSevenBitSafe(rendered.text()) && isSevenBitSafe(rendered.html())
                ? ContentTransferEncoding.BIT7 : ContentTransferEncoding.QUOTED_PRINTABLE;
    }

    /** ASCII without NUL or a bare CR, no line longer than {@value #MAX_LINE_OCTETS} octets: RFC 2045's 7bit data. */
    static boolean isSevenBitSafe(String body) {
        int lineLength = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n') {
                lineLength = 0;
            } else if (c == '\r') {
                if (i + 1 == body.length() || body.charAt(i + 1) != '\n') {
                    return false;
                }
            } else if (c == 0 || c > 127 || ++lineLength > MAX_LINE_OCTETS) {
                return false;
            }
        }
        return true;
    }

    private MailUnavailableException unavailable(EmailAddress recipient, String reason) {
        LOG.warn("Mail to {} not sent through {}: {}", AddressMasking.mask(recipient), server, reason);
        return new MailUnavailableException("Mail transport unavailable: " + reason, RETRY_AFTER, null);
    }

    /**
     * Closes the pooled connections (the batch module's pool would otherwise keep the JVM alive)
     * and stops the mailer and its threads; sends still running are abandoned.
     */
    @Override
    public void close() {
        sends.shutdownNow();
        try {
            mailer.shutdownConnectionPool().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("closing the SMTP connection pool failed", e);
        }
        try {
            mailer.close();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.debug("closing the mailer failed", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
