package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.bootstrap.e2e.RawHttp.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Slow and greedy clients against the real server: hundreds of connections trickling a body from
 * one address must not keep other clients waiting, and are closed once the read timeout passes, as
 * are connections trickling their headers; one address holds at most the configured number of
 * connections.
 */
class SlowClientEndToEndTest {

    private static final int SLOW_CONNECTIONS = 200;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration PROMPT = Duration.ofSeconds(2);

    @Test
    @Timeout(60)
    void twoHundredSlowBodiesFromOneAddress_othersAnsweredPromptly_slowOnesClosedAtTheReadTimeout() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.H2, Map.of(
                "AUTH_HTTP_READ_TIMEOUT", "3s",
                // Few threads make the attack as strong as it gets: once, eight such sockets sufficed.
                "AUTH_HTTP_THREADS", "8",
                // All 200 come from 127.0.0.1; the cap has its own test below.
                "AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "1000"))) {
            int port = server.app.port();
            // Measured is the server under attack, not its first request (class loading, the first SMTP connection).
            assertThat(RawHttp.exchange(RawHttp.OTHER_CLIENT, port,
                    RawHttp.postJson("/api/auth/magic-link", "{\"email\":\"warm-up@example.com\"}"), Duration.ofSeconds(10))
                    .status()).isEqualTo(202);
            List<Socket> slow = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                long opened = System.nanoTime();
                for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                    Socket socket = RawHttp.connect(RawHttp.ATTACKER, port);
                    socket.getOutputStream().write(("POST /api/auth/magic-link HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                trickle.scheduleAtFixedRate(() -> slow.forEach(socket -> send(socket, " ")), 1, 1, TimeUnit.SECONDS);

                List<Duration> took = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Exchange live = RawHttp.exchange(RawHttp.OTHER_CLIENT, port, RawHttp.get("/health/live"), Duration.ofSeconds(10));
                    Exchange link = RawHttp.exchange(RawHttp.OTHER_CLIENT, port,
                            RawHttp.postJson("/api/auth/magic-link", "{\"email\":\"patient" + i + "@example.com\"}"),
                            Duration.ofSeconds(10));
                    assertThat(live.status()).as("live, round %d", i).isEqualTo(200);
                    assertThat(link.status()).as("magic link, round %d", i).isEqualTo(202);
                    assertThat(live.took()).as("live, round %d", i).isLessThan(PROMPT);
                    assertThat(link.took()).as("magic link, round %d", i).isLessThan(PROMPT);
                    took.add(live.took());
                    took.add(link.took());
                    Thread.sleep(300);
                }
                System.out.println("SlowClientEndToEndTest: answers under attack took " + took);

                long deadline = opened + READ_TIMEOUT.plusSeconds(5).toNanos();
                int closed = 0;
                int answered408 = 0;
                for (Socket socket : slow) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    String rest = readUntilClosed(socket, left);
                    if (rest != null) {
                        closed++;
                        answered408 += rest.startsWith("HTTP/1.1 408") ? 1 : 0;
                    }
                }
                System.out.println("SlowClientEndToEndTest: " + closed + " slow connections closed by the server within "
                        + Duration.ofNanos(System.nanoTime() - opened).toMillis() + " ms of opening, " + answered408 + " with a 408");
                assertThat(closed).as("slow connections the server closed").isEqualTo(SLOW_CONNECTIONS);
            } finally {
                trickle.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void headersTrickledALineAtATime_connectionsClosedAtTheReadTimeout_whileHeadersInTimeAreAnswered() throws Exception {
        Duration readTimeout = Duration.ofSeconds(2);
        try (TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_HTTP_READ_TIMEOUT", "2s"))) {
            int port = server.app.port();
            List<Socket> slow = new ArrayList<>();
            ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
            try {
                long opened = System.nanoTime();
                for (int i = 0; i < 20; i++) {
                    Socket socket = RawHttp.connect(RawHttp.ATTACKER, port);
                    socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    slow.add(socket);
                }
                // A header line every 300 ms: each one restarts Jetty's idle timeout, none ends the headers.
                trickle.scheduleAtFixedRate(() -> slow.forEach(socket -> send(socket, "X-Slow: 1\r\n")),
                        300, 300, TimeUnit.MILLISECONDS);

                // Headers that take half the timeout are still in time.
                try (Socket patient = RawHttp.connect(RawHttp.OTHER_CLIENT, port)) {
                    send(patient, "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n");
                    for (int i = 0; i < 4; i++) {
                        Thread.sleep(250);
                        send(patient, "X-Slow: 1\r\n");
                    }
                    send(patient, "Connection: close\r\n\r\n");
                    assertThat(readUntilClosed(patient, 10_000)).startsWith("HTTP/1.1 200");
                }

                long deadline = opened + readTimeout.plusSeconds(4).toNanos();
                for (Socket socket : slow) {
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    assertThat(readUntilClosed(socket, left)).as("a connection whose headers never end, after %d ms",
                            Duration.ofNanos(System.nanoTime() - opened).toMillis()).isNotNull().doesNotContain("200");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("closed at the read timeout, not before")
                        .isGreaterThanOrEqualTo(readTimeout);
            } finally {
                trickle.shutdownNow();
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(60)
    void connectionsBeyondTheCapFromOneAddress_areClosedAtOnce_whileOtherAddressesAreServed() throws Exception {
        // A read timeout far beyond the wait below: a connection closed within the wait was closed by the cap,
        // not by idleness; the wait itself leaves room for a loaded machine.
        try (TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "5",
                "AUTH_HTTP_READ_TIMEOUT", "60s"))) {
            int port = server.app.port();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    held.add(RawHttp.connect(RawHttp.ATTACKER, port));
                }
                // Jetty counts a connection when one of its selector threads opens it, and two selectors may
                // open connections out of order: let the held ones be counted before the ones beyond the cap
                // arrive, so that it is these that the cap closes (the cap holds either way).
                Thread.sleep(1_000);
                for (int i = 0; i < 3; i++) {
                    try (Socket beyond = RawHttp.connect(RawHttp.ATTACKER, port)) {
                        assertThat(readUntilClosed(beyond, 10_000)).as("connection %d beyond the cap", i).isEmpty();
                    }
                }
                if (!RawHttp.OTHER_CLIENT.equals(RawHttp.ATTACKER)) {
                    assertThat(RawHttp.exchange(RawHttp.OTHER_CLIENT, port, RawHttp.get("/health/live"), Duration.ofSeconds(5))
                            .status()).as("another address").isEqualTo(200);
                }

                // The held ones still work, and a closed one frees its place.
                Socket first = held.remove(0);
                first.getOutputStream().write(RawHttp.get("/health/live").getBytes(StandardCharsets.US_ASCII));
                first.setSoTimeout(5_000);
                assertThat(new String(RawHttp.readToEnd(first.getInputStream()), StandardCharsets.ISO_8859_1))
                        .startsWith("HTTP/1.1 200");
                first.close();
                int status = -1;
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (status != 200 && System.nanoTime() < deadline) {
                    status = RawHttp.exchange(RawHttp.ATTACKER, port, RawHttp.get("/health/live"), Duration.ofSeconds(5)).status();
                }
                assertThat(status).as("a place freed by a closed connection").isEqualTo(200);
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    /**
     * The attack (an outside probe): one address pipelines large answers (the OpenAPI document) on
     * its 64 connections and never reads them. Each answer holds its request thread until the
     * client reads or the read timeout passes, so all 48 threads were held and /health/live took
     * 8-9 s for everyone else. One address now holds at most half of the threads.
     */
    @Test
    @Timeout(90)
    void anAddressThatNeverReadsItsAnswers_holdsAtMostHalfTheRequestThreads_andOthersAreAnsweredPromptly() throws Exception {
        Assumptions.assumeFalse(RawHttp.OTHER_CLIENT.equals(RawHttp.ATTACKER), "this host has one loopback address only");
        try (TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_HTTP_READ_TIMEOUT", "30s"))) {
            int port = server.app.port();
            // Kept alive, so that every one of them is answered in turn on the same connection.
            String pipelined = "GET /openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".repeat(50);
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    Socket socket = new Socket();
                    socket.setReceiveBufferSize(1024);
                    socket.bind(new java.net.InetSocketAddress(RawHttp.ATTACKER, 0));
                    socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
                    socket.getOutputStream().write(pipelined.getBytes(StandardCharsets.US_ASCII));
                    held.add(socket);
                }
                Thread.sleep(2_000);

                for (int i = 0; i < 5; i++) {
                    long started = System.nanoTime();
                    assertThat(RawHttp.exchange(RawHttp.OTHER_CLIENT, port, RawHttp.get("/health/live"), Duration.ofSeconds(10))
                            .status()).isEqualTo(200);
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("liveness, from another address")
                            .isLessThan(PROMPT);
                }
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    private static void send(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected once the read timeout has passed
        }
    }

    /** What the server sent until it closed the connection, or null if it was still open after {@code millis}. */
    private static String readUntilClosed(Socket socket, long millis) throws IOException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
        InputStream in = socket.getInputStream();
        try {
            return new String(RawHttp.readToEnd(in), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException stillOpen) {
            return null;
        }
    }
}
