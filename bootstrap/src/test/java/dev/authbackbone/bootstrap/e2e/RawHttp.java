package dev.authbackbone.bootstrap.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket from a chosen loopback source address (the JDK client cannot choose
 * one), for tests that play several clients: on Linux every 127.x.y.z is loopback.
 */
final class RawHttp {

    /** A second client address; falls back to the usual one where 127.0.0.2 cannot be bound. */
    static final InetAddress OTHER_CLIENT = otherClient();
    static final InetAddress ATTACKER = InetAddress.getLoopbackAddress();

    private RawHttp() {
    }

    /** The status code and how long the exchange took. */
    record Exchange(int status, Duration took, String response) {}

    /** Sends {@code request} (with {@code Connection: close}) from {@code from} and reads the answer to its end. */
    static Exchange exchange(InetAddress from, int port, String request, Duration timeout) {
        long started = System.nanoTime();
        try (Socket socket = connect(from, port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(readToEnd(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            int status = response.startsWith("HTTP/1.1 ") ? Integer.parseInt(response.substring(9, 12)) : -1;
            return new Exchange(status, Duration.ofNanos(System.nanoTime() - started), response);
        } catch (SocketTimeoutException e) {
            return new Exchange(-1, Duration.ofNanos(System.nanoTime() - started), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    }

    static String postJson(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n" + json;
    }

    static Socket connect(InetAddress from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        return socket;
    }

    /** Everything until the peer closes; a reset counts as the end too. */
    static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // closed by the server with bytes of ours unread
        }
        return out.toByteArray();
    }

    private static InetAddress otherClient() {
        try (Socket probe = new Socket()) {
            InetAddress other = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
            probe.bind(new InetSocketAddress(other, 0));
            return other;
        } catch (IOException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
