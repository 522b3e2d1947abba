package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay on a loopback port in front of a real server, that a test can cut (the server is
 * gone: open connections break, new ones are refused) and restore on the same port, or hang (the
 * server stops answering: connections stay open and are taken, but nothing goes through).
 */
final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;
    private static final Pattern POSTGRES_URL = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?(/.*)$");

    private final InetSocketAddress target;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "tcp-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ServerSocket listener;
    private volatile boolean hanging;
    private final int port;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.port = listen(0);
    }

    /** A relay to {@code host}:{@code port}, listening on a free loopback port. */
    static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** A relay to the PostgreSQL server of {@code database}. */
    static TcpProxy before(FreshDatabase database) {
        Matcher url = postgresUrl(database);
        return to(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2)));
    }

    /** {@code database}'s URL, through this relay. */
    String urlOf(FreshDatabase database) {
        return "jdbc:postgresql://127.0.0.1:" + port + postgresUrl(database).group(3);
    }

    private static Matcher postgresUrl(FreshDatabase database) {
        Matcher url = POSTGRES_URL.matcher(database.url());
        if (!url.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL URL: " + database.url());
        }
        return url;
    }

    int port() {
        return port;
    }

    /** Closes the listener and every relayed connection. */
    void cut() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    /** From now on, swallows everything sent either way, on open and new connections alike. */
    void hang() {
        hanging = true;
    }

    /** Listens again, on the same port. */
    void restore() {
        listen(port);
    }

    private int listen(int wanted) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            listener = socket;
            threads.submit(() -> accept(socket));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket();
                sockets.add(client);
                sockets.add(upstream);
                upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
                threads.submit(() -> relay(client, upstream));
                threads.submit(() -> relay(upstream, client));
            } catch (IOException e) {
                // The listener was closed (cut), or one connection failed; the loop decides.
            }
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = from.getInputStream().read(buffer)) >= 0) {
                if (!hanging) {
                    to.getOutputStream().write(buffer, 0, read);
                    to.getOutputStream().flush();
                }
            }
        } catch (IOException e) {
            // One side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }
}
