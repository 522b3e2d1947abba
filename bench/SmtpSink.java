import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * A fast counting SMTP sink for the benchmark: one thread, non-blocking, loopback only. It speaks
 * just enough SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; pipelined commands are fine),
 * accepts every message, counts it, and writes the confirmation token of each confirmation mail
 * to a file (so the benchmark can confirm them). Nothing is stored otherwise.
 *
 * <p>Control port (one line in, one line out): {@code COUNT} → messages accepted so far;
 * {@code FLUSH} → flushes the token file and answers the number of tokens written;
 * {@code STATS} → {@code messages sessions tokens}.
 *
 * <p>Run: {@code java bench/SmtpSink.java <portFile> <tokenFile>}; it binds two free loopback
 * ports and writes "smtpPort ctlPort" to portFile.
 */
public final class SmtpSink {

    private static final byte[] GREETING = ascii("220 sink ESMTP ready\r\n");
    private static final byte[] EHLO = ascii("250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n");
    private static final byte[] OK = ascii("250 OK\r\n");
    private static final byte[] DATA_GO = ascii("354 End data with <CR><LF>.<CR><LF>\r\n");
    private static final byte[] QUEUED = ascii("250 OK queued\r\n");
    private static final byte[] BYE = ascii("221 Bye\r\n");
    private static final byte[] VRFY = ascii("252 Cannot VRFY\r\n");
    private static final byte[] UNKNOWN = ascii("502 Command not implemented\r\n");
    private static final byte[] MARKER = ascii("confirm-email?token=");
    private static final String QUOTED_PRINTABLE_HEADER = "content-transfer-encoding: quoted-printable";

    private long messages;
    private long sessions;
    private long tokens;
    private final BufferedWriter tokenOut;

    private SmtpSink(BufferedWriter tokenOut) {
        this.tokenOut = tokenOut;
    }

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        Path tokenFile = Path.of(args[1]);
        try (BufferedWriter tokenOut = Files.newBufferedWriter(tokenFile, StandardCharsets.US_ASCII)) {
            new SmtpSink(tokenOut).run(portFile);
        }
    }

    private void run(Path portFile) throws IOException {
        Selector selector = Selector.open();
        ServerSocketChannel smtp = listen(selector);
        ServerSocketChannel ctl = listen(selector);
        Path tmp = Path.of(portFile + ".tmp");
        Files.writeString(tmp, port(smtp) + " " + port(ctl) + "\n");
        Files.move(tmp, portFile);
        ByteBuffer read = ByteBuffer.allocateDirect(64 * 1024);
        while (true) {
            selector.select();
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                if (!key.isValid()) {
                    continue;
                }
                try {
                    if (key.isAcceptable()) {
                        accept(selector, (ServerSocketChannel) key.channel(), key.channel() == ctl);
                    } else if (key.isReadable()) {
                        Object att = key.attachment();
                        if (att instanceof Session s) {
                            s.onReadable(key, read);
                        } else {
                            ((Control) att).onReadable(key, read);
                        }
                    } else if (key.isWritable()) {
                        ((Session) key.attachment()).flush(key);
                    }
                } catch (IOException e) {
                    key.cancel();
                    key.channel().close();
                }
            }
        }
    }

    private static ServerSocketChannel listen(Selector selector) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        return server;
    }

    private static int port(ServerSocketChannel server) throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    private void accept(Selector selector, ServerSocketChannel server, boolean control) throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (control) {
                channel.register(selector, SelectionKey.OP_READ, new Control());
            } else {
                sessions++;
                Session session = new Session(channel);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ, session);
                session.out.put(GREETING);
                session.flush(key);
            }
        }
    }

    /** One SMTP connection. */
    private final class Session {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        ByteBuffer out = ByteBuffer.allocate(4096);
        boolean data;
        boolean tokenSeen;
        /** Whether a part of the message so far said quoted-printable: only then are "=3D" and soft breaks decoded. */
        boolean quotedPrintable;
        int markerMatched;
        final StringBuilder token = new StringBuilder(64);
        boolean inToken;
        boolean closeAfterFlush;

        Session(SocketChannel channel) {
            this.channel = channel;
        }

        void onReadable(SelectionKey key, ByteBuffer read) throws IOException {
            read.clear();
            int n = channel.read(read);
            if (n < 0) {
                key.cancel();
                channel.close();
                return;
            }
            read.flip();
            while (read.hasRemaining()) {
                byte b = read.get();
                if (in.position() == in.capacity()) {
                    // A line longer than the buffer: only possible inside DATA; keep the tail.
                    in.clear();
                }
                in.put(b);
                if (b == '\n') {
                    line(in.array(), in.position());
                    in.clear();
                }
            }
            flush(key);
        }

        private void line(byte[] buf, int len) {
            if (data) {
                if (len == 3 && buf[0] == '.' && buf[1] == '\r') {
                    data = false;
                    messages++;
                    if (tokenSeen) {
                        tokens++;
                        try {
                            tokenOut.write(token.toString());
                            tokenOut.write('\n');
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    reply(QUEUED);
                    return;
                }
                if (!tokenSeen) {
                    if (!inToken && len > 40 && (buf[0] == 'C' || buf[0] == 'c')
                            && new String(buf, 0, len, StandardCharsets.US_ASCII).toLowerCase().startsWith(QUOTED_PRINTABLE_HEADER)) {
                        quotedPrintable = true;
                    }
                    scan(buf, len);
                }
                return;
            }
            String verb = len >= 4 ? new String(buf, 0, 4, StandardCharsets.US_ASCII).toUpperCase() : "";
            switch (verb) {
                case "EHLO" -> reply(EHLO);
                case "HELO", "MAIL", "RCPT", "NOOP" -> reply(OK);
                case "RSET" -> {
                    reply(OK);
                    startMessage();
                }
                case "DATA" -> {
                    data = true;
                    startMessage();
                    reply(DATA_GO);
                }
                case "QUIT" -> {
                    reply(BYE);
                    closeAfterFlush = true;
                }
                case "VRFY" -> reply(VRFY);
                default -> reply(UNKNOWN);
            }
        }

        private void startMessage() {
            tokenSeen = false;
            quotedPrintable = false;
            markerMatched = 0;
            inToken = false;
            token.setLength(0);
        }

        /**
         * Finds the first {@code confirm-email?token=} and reads the token after it; in a
         * quoted-printable part, across soft line breaks ("=" at a line's end) and "=3D" for "=".
         */
        private void scan(byte[] buf, int len) {
            int end = len;
            if (end > 0 && buf[end - 1] == '\n') end--;
            if (end > 0 && buf[end - 1] == '\r') end--;
            boolean soft = quotedPrintable && end > 0 && buf[end - 1] == '=';
            if (soft) end--;
            for (int i = 0; i < end && !tokenSeen; i++) {
                byte c = buf[i];
                if (quotedPrintable && c == '=' && i + 2 < end && buf[i + 1] == '3' && (buf[i + 2] == 'D' || buf[i + 2] == 'd')) {
                    c = '=';
                    i += 2;
                }
                if (inToken) {
                    if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                        token.append((char) c);
                    } else {
                        tokenSeen = true;
                    }
                    continue;
                }
                if (c == MARKER[markerMatched]) {
                    markerMatched++;
                    if (markerMatched == MARKER.length) {
                        inToken = true;
                    }
                } else {
                    markerMatched = c == MARKER[0] ? 1 : 0;
                }
            }
            if (inToken && !soft && token.length() > 0) {
                tokenSeen = true;
            }
        }

        private void reply(byte[] bytes) {
            if (out.remaining() < bytes.length) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + bytes.length));
                out.flip();
                bigger.put(out);
                out = bigger;
            }
            out.put(bytes);
        }

        void flush(SelectionKey key) throws IOException {
            out.flip();
            channel.write(out);
            out.compact();
            if (out.position() > 0) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            } else {
                key.interestOps(SelectionKey.OP_READ);
                if (closeAfterFlush) {
                    key.cancel();
                    channel.close();
                }
            }
        }
    }

    /** One control connection: a command line in, a line out, then closed. */
    private final class Control {
        final StringBuilder line = new StringBuilder();

        void onReadable(SelectionKey key, ByteBuffer read) throws IOException {
            SocketChannel channel = (SocketChannel) key.channel();
            read.clear();
            int n = channel.read(read);
            if (n < 0) {
                key.cancel();
                channel.close();
                return;
            }
            read.flip();
            while (read.hasRemaining()) {
                char c = (char) read.get();
                if (c == '\n') {
                    String answer = switch (line.toString().strip().toUpperCase()) {
                        case "COUNT" -> Long.toString(messages);
                        case "FLUSH" -> {
                            tokenOut.flush();
                            yield Long.toString(tokens);
                        }
                        case "STATS" -> messages + " " + sessions + " " + tokens;
                        default -> "ERR";
                    };
                    // A few bytes: they always fit the socket's empty send buffer.
                    channel.write(ByteBuffer.wrap(ascii(answer + "\n")));
                    key.cancel();
                    channel.close();
                    return;
                }
                line.append(c);
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
