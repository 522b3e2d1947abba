package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bodies still arriving share one budget (the connection package's {@code BodyBudget}): what it
 * cannot cover is answered 503 at once, in the route's dialect, and what arrivals held is given back
 * when they end. Against the real server with a budget of {@value #BUDGET} bytes: two bodies near the
 * 16 KiB limit take most of it.
 */
class BodyBudgetTest {

    private static final int BUDGET = 40_000;
    private static final int NEAR_THE_LIMIT = 15_999;

    private final List<Socket> sockets = new ArrayList<>();
    private HttpServerWithFakes server;

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBodyTheBudgetCannotCover_isAnswered503AtOnce_inTheRoutesDialect_whileSmallBodiesStillFit() throws Exception {
        server = HttpServerWithFakes.start(HttpServerWithFakes.defaultSettings().withBodyBudget(BUDGET));
        slowBody("/api/auth/token/refresh", NEAR_THE_LIMIT);
        slowBody("/api/auth/token/refresh", NEAR_THE_LIMIT);
        Thread.sleep(500);

        Answer api = answerTo(slowBody("/api/auth/token/refresh", 9_000));
        Answer page = answerTo(slowBody(MagicLinkPageRoutes.PATH, 9_000));
        Answer ordinary = server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");

        assertThat(api.status()).isEqualTo(503);
        assertThat(api.header("Retry-After")).isEqualTo("10");
        assertThat(api.header("Connection")).isEqualTo("close");
        assertThat(api.header("Cache-Control")).isEqualTo("no-store");
        assertThat(api.json().get("detail").asText()).isEqualTo("The server is busy. Try again later.");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.header("Retry-After")).isEqualTo("10");
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.body()).contains("The server is busy. Try again later.");
        assertThat(ordinary.status()).as("a small body, with a few KiB of the budget left").isEqualTo(202);
    }

    @Test
    void bodiesWhoseClientsLeave_giveTheirBytesBack() throws Exception {
        server = HttpServerWithFakes.start(HttpServerWithFakes.defaultSettings().withBodyBudget(BUDGET));
        Socket first = slowBody("/api/auth/token/refresh", NEAR_THE_LIMIT);
        Socket second = slowBody("/api/auth/token/refresh", NEAR_THE_LIMIT);
        Thread.sleep(500);
        assertThat(server.post("/api/auth/magic-link", spaces(NEAR_THE_LIMIT), "Content-Type", "application/json").status())
                .as("no room for a third").isEqualTo(503);

        first.close();
        second.close();

        assertThat(untilNot503(() -> server.post("/api/auth/magic-link", spaces(NEAR_THE_LIMIT), "Content-Type",
                "application/json").status())).as("whitespace only: no JSON body").isEqualTo(422);
    }

    @Test
    void bodiesThatRunOutOfTime_giveTheirBytesBack() throws Exception {
        server = HttpServerWithFakes.start(HttpServerWithFakes.defaultSettings()
                .withSlowClientLimits(Duration.ofSeconds(1), 64, 2_000).withBodyBudget(BUDGET));
        Socket first = slowBody("/api/auth/token/refresh", 15_000);
        Socket second = slowBody("/api/auth/token/refresh", 15_000);
        // A byte every 200 ms: never idle for the (equal) idle timeout, so the read deadline ends them.
        for (long end = System.nanoTime() + Duration.ofMillis(1_500).toNanos(); System.nanoTime() < end; ) {
            oneMoreByte(first);
            oneMoreByte(second);
            Thread.sleep(200);
        }

        assertThat(answerTo(first).status()).isEqualTo(408);
        assertThat(answerTo(second).status()).isEqualTo(408);
        assertThat(server.post("/api/auth/magic-link", spaces(NEAR_THE_LIMIT), "Content-Type", "application/json").status())
                .isEqualTo(422);
    }

    /** A connection that declares a body of 16,000 bytes and sends {@code sent} of them, then nothing. */
    private Socket slowBody(String path, int sent) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 16000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(spaces(sent));
        out.flush();
        return socket;
    }

    private static void oneMoreByte(Socket socket) {
        try {
            socket.getOutputStream().write(' ');
        } catch (IOException answeredAndClosed) {
            // the deadline has passed
        }
    }

    private static Answer answerTo(Socket socket) throws IOException {
        return HttpServerWithFakes.parse(HttpServerWithFakes.readAll(socket.getInputStream()));
    }

    private static byte[] spaces(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) ' ');
        return bytes;
    }

    /** The first status other than 503 within 5 s (the server notices a client's leaving on its own time). */
    private static int untilNot503(java.util.function.IntSupplier status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int last;
        while ((last = status.getAsInt()) == 503 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return last;
    }
}
