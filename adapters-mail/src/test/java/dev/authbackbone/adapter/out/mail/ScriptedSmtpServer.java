package dev.authbackbone.adapter.out.mail;

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
 * A tiny SMTP server for tests, on a loopback port chosen by the system, that speaks just enough
 * SMTP to take a mail and answers each step as told: hang up, stay silent, answer slowly, or reply
 * to the greeting, to MAIL FROM or to RCPT TO with a chosen line.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum Behaviour {
        /** Accepts the connection and closes it at once. */
        HANG_UP,
        /** Accepts the connection and never says a word. */
        SILENT,
        /** Speaks SMTP. */
        SPEAK_SMTP
    }

    private final ServerSocket serverSocket;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile boolean offerAuth;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.SPEAK_SMTP;
    private volatile String greeting = "220 scripted.test ESMTP";
    private volatile String mailFromReply = "250 2.1.0 OK";
    private volatile String rcptReply = "250 2.1.5 OK";
    private volatile String dataReply = "354 End data with <CR><LF>.<CR><LF>";
    private volatile String endOfDataReply = "250 2.0.0 queued";
    private volatile Duration replyDelay = Duration.ZERO;

    private ScriptedSmtpServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static ScriptedSmtpServer start() throws IOException {
        return new ScriptedSmtpServer();
    }

    ScriptedSmtpServer behave(Behaviour behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    ScriptedSmtpServer greetWith(String line) {
        this.greeting = line;
        return this;
    }

    ScriptedSmtpServer answerMailFromWith(String line) {
        this.mailFromReply = line;
        return this;
    }

    ScriptedSmtpServer answerRcptWith(String line) {
        this.rcptReply = line;
        return this;
    }

    /** Answers DATA with {@code line} instead of 354. */
    ScriptedSmtpServer answerDataWith(String line) {
        this.dataReply = line;
        return this;
    }

    /** Takes the data, then answers its end with {@code line} instead of 250. */
    ScriptedSmtpServer answerEndOfDataWith(String line) {
        this.endOfDataReply = line;
        return this;
    }

    ScriptedSmtpServer delayEveryReply(Duration delay) {
        this.replyDelay = delay;
        return this;
    }

    /** Offers AUTH LOGIN and PLAIN in its EHLO reply, and never STARTTLS: a relay that would take a password in clear. */
    ScriptedSmtpServer offerAuthWithoutStartTls() {
        this.offerAuth = true;
        return this;
    }

    /** Every line the client sent outside DATA, in order (AUTH lines included, as an eavesdropper would see them). */
    List<String> commands() {
        return List.copyOf(commands);
    }

    String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    /** How many MAIL FROM commands arrived: how many sends reached the server, pooled connection or not. */
    long mailFromCommands() {
        return commands.stream().filter(c -> c.toUpperCase(Locale.ROOT).startsWith("MAIL FROM")).count();
    }

    /** How many TCP connections were accepted. */
    int connections() {
        return connections.get();
    }

    /** The DATA of every mail taken, in order. */
    List<String> messages() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                Thread handler = new Thread(() -> handle(socket), "scripted-smtp-conversation");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            switch (behaviour) {
                case HANG_UP -> {
                    return;
                }
                case SILENT -> {
                    // Read and drop until the client gives up, never answering.
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                    return;
                }
                case SPEAK_SMTP -> converse(socket);
            }
        } catch (IOException | InterruptedException e) {
            // The client hung up or the test ended.
        }
    }

    private void converse(Socket socket) throws IOException, InterruptedException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(out, greeting);
        if (!greeting.startsWith("2")) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO" -> reply(out, offerAuth ? "250-scripted.test\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME"
                        : "250-scripted.test\r\n250 8BITMIME");
                case "AUTH" -> {
                    if (line.toUpperCase(Locale.ROOT).startsWith("AUTH LOGIN")) {
                        reply(out, "334 VXNlcm5hbWU6");
                        commands.add(in.readLine());
                        reply(out, "334 UGFzc3dvcmQ6");
                        commands.add(in.readLine());
                    } else if (line.trim().equalsIgnoreCase("AUTH PLAIN")) {
                        reply(out, "334 ");
                        commands.add(in.readLine());
                    }
                    reply(out, "235 2.7.0 Authentication successful");
                }
                case "HELO", "RSET", "NOOP" -> reply(out, "250 OK");
                case "MAIL" -> reply(out, mailFromReply);
                case "RCPT" -> reply(out, rcptReply);
                case "DATA" -> {
                    String go = dataReply;
                    reply(out, go);
                    if (!go.startsWith("354")) {
                        continue;
                    }
                    StringBuilder data = new StringBuilder();
                    String dataLine;
                    while ((dataLine = in.readLine()) != null && !dataLine.equals(".")) {
                        data.append(dataLine).append("\r\n");
                    }
                    String end = endOfDataReply;
                    if (end.startsWith("2")) {
                        messages.add(data.toString());
                    }
                    reply(out, end);
                }
                case "QUIT" -> {
                    reply(out, "221 2.0.0 bye");
                    return;
                }
                default -> reply(out, "502 5.5.2 not implemented");
            }
        }
    }

    private void reply(OutputStream out, String text) throws IOException, InterruptedException {
        Duration delay = replyDelay;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
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
