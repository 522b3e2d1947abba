package dev.authbackbone.adapter.out.mail.devinbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.testing.MutableClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack a review ran on the development inbox, over real SMTP against the real server: a
 * local user sending mails of several MiB, which GreenMail reads whole into memory, until the
 * server's small heap runs out.
 */
class DevInboxSizeLimitTest {

    private static final int MIB = 1024 * 1024;

    private DevInboxServer inbox;

    @AfterEach
    void stop() {
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void data_oneMibMessage_isRefusedWith552OrDropped_andANormalOneArrives() throws IOException {
        inbox = DevInboxServer.start(DevInboxServer.DEFAULT_CAPACITY, new MutableClock(Instant.parse("2026-03-01T09:30:00Z")));

        String big;
        try (Smtp smtp = new Smtp(inbox.port())) {
            big = smtp.mail("big@example.com", "Big", "x".repeat(100) + "\r\n", MIB / 102);
        } catch (IOException closedWhileSending) {
            // Closed before the whole MiB was written: dropped, which is what a server does after a 552.
            big = "closed: " + closedWhileSending.getMessage();
        }
        try (Smtp smtp = new Smtp(inbox.port())) {
            assertThat(smtp.mail("small@example.com", "Small", "Your link: http://127.0.0.1/x\r\n", 1)).startsWith("250");
        }

        assertThat(big).matches("(552 .*|closed: .*)");
        assertThat(inbox.newestFirst()).extracting(DevInboxServer.CapturedMail::subject).containsExactly("Small");
    }

    @Test
    void commandLine_withoutEnd_isCutOffAtTheCommandBudget_andTheInboxStillWorks() throws IOException {
        inbox = DevInboxServer.start(DevInboxServer.DEFAULT_CAPACITY, new MutableClock(Instant.parse("2026-03-01T09:30:00Z")));

        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), inbox.port())) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            in.readLine();
            try {
                byte[] noise = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < 16; i++) {
                    socket.getOutputStream().write(noise);
                }
                answer = String.valueOf(in.readLine());
            } catch (SocketTimeoutException stillReading) {
                // The server went on buffering the line: nothing bounds it.
                answer = "no answer";
            } catch (IOException closed) {
                answer = "closed";
            }
        }
        try (Smtp smtp = new Smtp(inbox.port())) {
            assertThat(smtp.mail("after@example.com", "After", "hello\r\n", 1)).startsWith("250");
        }

        assertThat(answer).matches("(421 .*|closed|null)");
    }

    @Test
    void newestFirst_manyMailsJustUnderTheLimit_keepsABoundedAmountOfText() throws IOException {
        inbox = DevInboxServer.start(DevInboxServer.DEFAULT_CAPACITY, new MutableClock(Instant.parse("2026-03-01T09:30:00Z")));
        int lines = (DevInboxServer.MAX_MESSAGE_BYTES - 4096) / 102;

        try (Smtp smtp = new Smtp(inbox.port())) {
            for (int i = 0; i < 40; i++) {
                assertThat(smtp.mail("r" + i + "@example.com", "Mail " + i, "y".repeat(100) + "\r\n", lines)).startsWith("250");
            }
        }

        long kept = inbox.newestFirst().stream().mapToLong(m -> m.text().length()).sum();
        assertThat(kept).isPositive().isLessThanOrEqualTo(DevInboxServer.MAX_KEPT_CHARACTERS);
        assertThat(inbox.newestFirst().get(0).subject()).isEqualTo("Mail 39");
    }

    /** A plain SMTP client on a socket, so that nothing on our side limits what is sent. */
    private static final class Smtp implements AutoCloseable {

        private final Socket socket;
        private final OutputStream out;
        private final BufferedReader in;

        Smtp(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            reply();
            command("EHLO test.example");
        }

        /** Sends one mail of {@code line} repeated {@code times}; the answer to its end of data. */
        String mail(String to, String subject, String line, int times) throws IOException {
            command("MAIL FROM:<sender@example.com>");
            command("RCPT TO:<" + to + ">");
            String go = command("DATA");
            assertThat(go).startsWith("354");
            write("From: sender@example.com\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\n");
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < times; i++) {
                out.write(bytes);
            }
            write(".\r\n");
            return reply();
        }

        private String command(String line) throws IOException {
            write(line + "\r\n");
            return reply();
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** The last line of a (possibly multi-line) reply. */
        private String reply() throws IOException {
            String line = in.readLine();
            while (line != null && line.length() > 3 && line.charAt(3) == '-') {
                line = in.readLine();
            }
            return String.valueOf(line);
        }

        @Override
        public void close() throws IOException {
            try {
                command("QUIT");
            } finally {
                socket.close();
            }
        }
    }
}
