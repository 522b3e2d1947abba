package dev.authbackbone.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP relay for tests on a loopback port chosen by the system: it takes every mail, except
 * that RCPT TO for one domain is answered with a transient refusal, as a relay that checks domains
 * answers for one it cannot resolve, or that every MAIL FROM is refused, as a relay that is
 * overloaded or has lost its queue answers.
 */
final class ScriptedSmtp implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final String deferredDomain;
    private final String deferral;
    private final String senderReply;
    private final Duration deferralDelay;
    private final String endOfDataRefusal;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger deferred = new AtomicInteger();
    private final AtomicInteger mailFroms = new AtomicInteger();

    private ScriptedSmtp(String deferredDomain, String deferral, String senderReply, Duration deferralDelay)
            throws IOException {
        this(deferredDomain, deferral, senderReply, deferralDelay, null);
    }

    private ScriptedSmtp(String deferredDomain, String deferral, String senderReply, Duration deferralDelay,
                         String endOfDataRefusal) throws IOException {
        this.deferredDomain = "@" + deferredDomain.toLowerCase(Locale.ROOT) + ">";
        this.deferral = deferral;
        this.senderReply = senderReply;
        this.deferralDelay = deferralDelay;
        this.endOfDataRefusal = endOfDataRefusal;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay answering {@code deferral} (such as {@code 450 4.1.2 ...}) to RCPT TO at {@code domain}. */
    static ScriptedSmtp deferring(String domain, String deferral) throws IOException {
        return new ScriptedSmtp(domain, deferral, "250 2.1.0 OK", Duration.ZERO);
    }

    /**
     * As {@link #deferring}, answering only after {@code delay}: a relay that checks the domain
     * against a name server the requester controls, and so answers as slowly as they like.
     */
    static ScriptedSmtp deferringSlowly(String domain, String deferral, Duration delay) throws IOException {
        return new ScriptedSmtp(domain, deferral, "250 2.1.0 OK", delay);
    }

    /** A relay that takes mail for {@code domain}, but answers its RCPT TO only after {@code delay}. */
    static ScriptedSmtp acceptingSlowly(String domain, Duration delay) throws IOException {
        return new ScriptedSmtp(domain, "250 2.1.5 OK", "250 2.1.0 OK", delay);
    }

    /**
     * A relay that takes RCPT TO at {@code domain}, then refuses the mail's data with
     * {@code refusal} (such as {@code 554 5.7.1 ...}): a content filter with a rule for that domain.
     */
    static ScriptedSmtp refusingDataFor(String domain, String refusal) throws IOException {
        return new ScriptedSmtp(domain, "250 2.1.5 OK", "250 2.1.0 OK", Duration.ZERO, refusal);
    }

    /** A relay that greets and answers EHLO, then answers {@code refusal} (such as {@code 451 try later}) to every MAIL FROM. */
    static ScriptedSmtp refusingSender(String refusal) throws IOException {
        return new ScriptedSmtp("nowhere.invalid", "250 2.1.5 OK", refusal, Duration.ZERO);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** Mails taken so far. */
    int accepted() {
        return accepted.get();
    }

    /** MAIL FROM commands received so far: how many sends reached the relay. */
    int mailFroms() {
        return mailFroms.get();
    }

    /** RCPT TO commands (or, for {@link #refusingDataFor}, mails) refused so far. */
    int deferred() {
        return deferred.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                Thread session = new Thread(() -> speak(socket), "scripted-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void speak(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 scripted.test ESMTP");
            boolean refusedRecipient = false;
            boolean toTheDomain = false;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, "250-scripted.test\r\n250 8BITMIME");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                    refusedRecipient = false;
                    reply(out, "250 OK");
                } else if (command.startsWith("MAIL FROM")) {
                    refusedRecipient = false;
                    mailFroms.incrementAndGet();
                    reply(out, senderReply);
                } else if (command.startsWith("RCPT TO")) {
                    toTheDomain = line.toLowerCase(Locale.ROOT).endsWith(deferredDomain);
                    if (toTheDomain) {
                        refusedRecipient = !deferral.startsWith("2");
                        pause(deferralDelay);
                        if (refusedRecipient) {
                            deferred.incrementAndGet();
                        }
                        reply(out, deferral);
                    } else {
                        reply(out, "250 2.1.5 OK");
                    }
                } else if (command.startsWith("DATA")) {
                    if (refusedRecipient) {
                        reply(out, "554 5.5.1 no valid recipients");
                        continue;
                    }
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not needed
                    }
                    if (toTheDomain && endOfDataRefusal != null) {
                        deferred.incrementAndGet();
                        reply(out, endOfDataRefusal);
                        continue;
                    }
                    accepted.incrementAndGet();
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException gone) {
            // the client hung up
        }
    }

    private static void pause(Duration delay) throws IOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
