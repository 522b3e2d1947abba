package dev.authbackbone.adapter.in.http.connection;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps the open connections of one peer address: a connection beyond the cap is closed as soon as
 * it is accepted, before a byte of it is read. Peers the predicate exempts (trusted proxies, which
 * carry many clients) are not counted.
 */
public final class ConnectionsPerAddress implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final Predicate<InetAddress> exempt;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    /**
     * @param max    the most connections one address may hold open
     * @param exempt the peers that are not capped
     */
    public ConnectionsPerAddress(int max, Predicate<InetAddress> exempt) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.exempt = Objects.requireNonNull(exempt, "exempt");
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress peer = peer(connection.getEndPoint().getRemoteSocketAddress());
        if (peer == null || exempt.test(peer)) {
            return;
        }
        int now = open.merge(peer, 1, Integer::sum);
        counted.put(connection, peer);
        if (now > max) {
            // The address is not logged in full at this volume; the count says enough.
            LOG.debug("Closing a connection beyond the per-address cap of {}", max);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress peer = counted.remove(connection);
        if (peer != null) {
            open.computeIfPresent(peer, (address, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** How many connections {@code peer} holds now, as counted. */
    public int openFrom(InetAddress peer) {
        return open.getOrDefault(peer, 0);
    }

    private static InetAddress peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
