package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.domain.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An {@link HttpServer} on a free loopback port, with fakes behind it, and ways to talk to it.
 * Registered as an extension ({@link #perClass()}) it starts once per test class and resets the
 * fakes before each test; the static {@code start} methods give a server to close by hand.
 */
final class HttpServerWithFakes implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    static final byte[] SECRET = "a-test-secret-that-is-long-enough-for-hs256".getBytes(StandardCharsets.US_ASCII);
    static final String ISSUER = "auth-backbone";
    static final String AUDIENCE = "auth-backbone-api";
    static final Duration TTL = Duration.ofHours(1);
    static final String BASE_URL = "https://auth.example.test";
    /** Generous enough that no test but the limit's own ever meets it. */
    static final ClientIpLimit NO_PRACTICAL_LIMIT = ClientIpLimit.of(100_000, Duration.ofMinutes(1));

    final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    final FakeUseCases fakes = new FakeUseCases();
    final FakeDevInbox inbox = new FakeDevInbox();
    final AccessTokens tokens = new AccessTokens(SECRET, ISSUER, AUDIENCE, TTL, clock);
    private final HttpServer server;
    private int port;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private HttpServerWithFakes(ClientIpLimit limit, HttpSettings settings, List<RouteGroup> extra, boolean withInbox) {
        this(limit, settings, extra, withInbox, HttpMetrics.NONE);
    }

    private HttpServerWithFakes(ClientIpLimit limit, HttpSettings settings, List<RouteGroup> extra, boolean withInbox,
                       HttpMetrics metrics) {
        this.server = new HttpServer(fakes.asUseCases(), tokens, limit, settings, withInbox ? withMailbox(extra) : extra,
                metrics);
    }

    private List<RouteGroup> withMailbox(List<RouteGroup> extra) {
        List<RouteGroup> groups = new java.util.ArrayList<>(extra);
        groups.add(new DevMailboxRoutes(inbox));
        return groups;
    }

    /** A server that tells {@code metrics} about every request, with {@code limit} per client address. */
    static HttpServerWithFakes withMetrics(HttpMetrics metrics, ClientIpLimit limit) {
        return new HttpServerWithFakes(limit, defaultSettings(), List.of(), true, metrics).listen();
    }

    /** A server for a whole test class, started before its first test; register it with {@code @RegisterExtension}. */
    static HttpServerWithFakes perClass() {
        return new HttpServerWithFakes(NO_PRACTICAL_LIMIT, defaultSettings(), List.of(), true);
    }

    /** As {@link #perClass()}, with {@code extra} route groups from a pretend composition root. */
    static HttpServerWithFakes perClass(List<RouteGroup> extra) {
        return new HttpServerWithFakes(NO_PRACTICAL_LIMIT, defaultSettings(), extra, true);
    }

    static HttpServerWithFakes start() {
        return start(NO_PRACTICAL_LIMIT);
    }

    static HttpServerWithFakes start(ClientIpLimit limit) {
        return new HttpServerWithFakes(limit, defaultSettings(), List.of(), true).listen();
    }

    /** A server as production runs it when a real SMTP server is configured: no development inbox. */
    static HttpServerWithFakes withoutDevInbox() {
        return new HttpServerWithFakes(NO_PRACTICAL_LIMIT, defaultSettings(), List.of(), false).listen();
    }

    /** A server with {@code settings} (start from {@link #defaultSettings()}) instead of the defaults. */
    static HttpServerWithFakes start(HttpSettings settings) {
        return new HttpServerWithFakes(NO_PRACTICAL_LIMIT, settings, List.of(), true).listen();
    }

    private HttpServerWithFakes listen() {
        port = server.start();
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        listen();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fakes.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    static HttpSettings defaultSettings() {
        // Route tests send many tokens from one address; the token limit has tests of its own.
        return HttpSettings.of("127.0.0.1", 0, URI.create(BASE_URL))
                .withTokenIpLimit(ClientIpLimit.of(100_000, Duration.ofMinutes(1)));
    }

    /** A valid access token for the fakes' account. */
    String token() {
        return tokens.issue(FakeUseCases.ACCOUNT, FakeUseCases.SESSION).value();
    }

    String bearer() {
        return "Bearer " + token();
    }

    Answer get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Answer postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(path, json.getBytes(StandardCharsets.UTF_8), all);
    }

    Answer postForm(String path, String form) {
        return post(path, form.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded");
    }

    Answer post(String path, byte[] body, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body)), headers);
    }

    Answer method(String method, String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), headers);
    }

    private Answer send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(builder.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    /** Where the server listens, such as {@code http://127.0.0.1:12345}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Sends {@code head} (a request line and headers, CRLF-separated, without the blank line) and {@code body} over a raw socket. */
    Answer raw(String head, byte[] body) {
        byte[] headBytes = (head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return rawBytes(headBytes, body);
    }

    Answer rawBytes(byte[] head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            try {
                socket.shutdownOutput();
            } catch (IOException ignored) {
                // The server may already have closed its side after answering.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // A reset after the answer was sent still leaves the answer readable.
        }
        return bytes.toByteArray();
    }

    static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new AssertionError("no complete answer: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("Transfer-Encoding", List.of());
        if (encoding.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOfCrlf(body, i);
            int size = Integer.parseInt(new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    @Override
    public void close() {
        server.stop();
    }
}
