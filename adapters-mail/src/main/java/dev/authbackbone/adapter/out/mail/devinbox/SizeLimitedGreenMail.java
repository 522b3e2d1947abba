package dev.authbackbone.adapter.out.mail.devinbox;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.DataCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail's SMTP server with a bound on the memory a client can make it use. GreenMail has no
 * size limit: it reads a command line, and a message after DATA, whole into memory whatever their
 * length, so the bound sits below it, on the accepted sockets. Whatever a client sends between two
 * replies of the server counts: at most {@link DevInboxServer#MAX_MESSAGE_BYTES} after the
 * {@code 354} that invites a message, {@value #MAX_COMMAND_BYTES} otherwise. A message over the
 * bound is refused with {@code 552} and its connection closed; a few messages are taken in at once
 * and a few connections are open at once.
 */
final class SizeLimitedGreenMail extends GreenMail {

    /** Open connections at once; our own sender uses one per mail. */
    static final int MAX_CONNECTIONS = 16;
    /** Messages taken in at once: each may hold its bytes several times while GreenMail parses it. */
    static final int CONCURRENT_MESSAGES = 4;
    /** The most a client may send in reply to anything but {@code 354}: a command line is at most 512. */
    static final int MAX_COMMAND_BYTES = 16 * 1024;
    /** How long DATA waits for its turn before asking the client to come back later. */
    private static final long TURN_WAIT_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SizeLimitedGreenMail.class);

    SizeLimitedGreenMail(ServerSetup setup) {
        super(setup);
    }

    // Called from GreenMail's constructor: it may use only its arguments and static state.
    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : config) {
            if (!ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                throw new IllegalArgumentException("only plain SMTP is served, not " + setup.getProtocol());
            }
            services.put(setup.getProtocol(), new Server(setup, managers));
        }
        return services;
    }

    /** Thrown by a guarded socket's input; a timeout to GreenMail, which then answers 421 and closes. */
    private static final class InputLimitExceeded extends SocketTimeoutException {
        InputLimitExceeded(long limit) {
            super("more than " + limit + " bytes without a reply");
        }
    }

    private static final class Server extends SmtpServer {

        private final Semaphore turns = new Semaphore(CONCURRENT_MESSAGES);

        Server(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ServerSocket openServerSocket() throws IOException {
            ServerSocket socket = new GuardedServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindTo, setup.getPort()));
            return socket;
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket client) {
            return new SmtpHandler(new Commands(new BoundedData(turns)), managers.getSmtpManager(), client);
        }
    }

    /** Hands out guarded sockets, and closes at once the ones beyond {@link #MAX_CONNECTIONS}. */
    private static final class GuardedServerSocket extends ServerSocket {

        private final AtomicInteger open = new AtomicInteger();

        GuardedServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            while (true) {
                GuardedSocket socket = new GuardedSocket(open);
                implAccept(socket);
                if (open.incrementAndGet() <= MAX_CONNECTIONS) {
                    return socket;
                }
                LOG.warn("Development inbox refused a connection: {} are open", MAX_CONNECTIONS);
                try (socket) {
                    socket.getOutputStream().write("421 4.3.2 Too many connections, try again later\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException gone) {
                    LOG.debug("could not refuse a connection politely: {}", gone.toString());
                }
            }
        }
    }

    /**
     * A connection whose input counts the bytes since the server last wrote: the budget is a
     * message's after a reply starting {@code 354}, a command's after any other.
     */
    private static final class GuardedSocket extends Socket {

        private final AtomicInteger open;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile long budget = MAX_COMMAND_BYTES;
        private volatile long received;
        private InputStream guardedIn;
        private OutputStream guardedOut;

        GuardedSocket(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (guardedIn == null) {
                guardedIn = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }
                };
            }
            return guardedIn;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (guardedOut == null) {
                guardedOut = new FilterOutputStream(super.getOutputStream()) {
                    private int atLineStart = 0;
                    private final byte[] code = new byte[3];

                    @Override
                    public void write(int b) throws IOException {
                        replied((byte) b);
                        out.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        for (int i = off; i < off + len; i++) {
                            replied(b[i]);
                        }
                        out.write(b, off, len);
                    }

                    /** Follows the reply's first three bytes, its code, to choose the next budget. */
                    private void replied(byte b) {
                        received = 0;
                        if (atLineStart < code.length) {
                            code[atLineStart++] = b;
                            if (atLineStart == code.length) {
                                budget = code[0] == '3' && code[1] == '5' && code[2] == '4'
                                        ? DevInboxServer.MAX_MESSAGE_BYTES : MAX_COMMAND_BYTES;
                            }
                        }
                        if (b == '\n') {
                            atLineStart = 0;
                        }
                    }
                };
            }
            return guardedOut;
        }

        private void count(int n) throws InputLimitExceeded {
            received += n;
            if (received > budget) {
                throw new InputLimitExceeded(budget);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed.compareAndSet(false, true)) {
                open.decrementAndGet();
            }
            super.close();
        }
    }

    private static final class Commands extends SmtpCommandRegistry {

        private final SmtpCommand data;

        Commands(SmtpCommand data) {
            this.data = data;
        }

        @Override
        public SmtpCommand getCommand(String name) {
            return "DATA".equals(name) ? data : super.getCommand(name);
        }
    }

    /** GreenMail's DATA, a few at a time, answering 552 to a message over the bound. */
    private static final class BoundedData extends SmtpCommand {

        private final SmtpCommand greenMails = new DataCommand();
        private final Semaphore turns;

        BoundedData(Semaphore turns) {
            this.turns = turns;
        }

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine) throws IOException {
            if (!takeTurn()) {
                conn.send("452 4.3.1 The development inbox is busy, try again later");
                return;
            }
            try {
                greenMails.execute(conn, state, manager, commandLine);
            } catch (IllegalStateException e) {
                // GreenMail wraps the failed read, with the message read so far in the text: never log it.
                if (!(e.getCause() instanceof InputLimitExceeded)) {
                    throw new IllegalStateException("reading a message failed", e.getCause());
                }
                LOG.warn("Development inbox refused a message of more than {} bytes", DevInboxServer.MAX_MESSAGE_BYTES);
                state.clearMessage();
                conn.send("552 5.3.4 Message too big for the development inbox (at most "
                        + DevInboxServer.MAX_MESSAGE_BYTES + " bytes)");
                // The rest of the message is still on its way; only closing stops it.
                conn.quit();
            } finally {
                turns.release();
            }
        }

        private boolean takeTurn() {
            try {
                return turns.tryAcquire(TURN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
