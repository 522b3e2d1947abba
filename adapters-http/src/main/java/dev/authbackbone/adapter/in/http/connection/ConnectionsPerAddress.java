package dev.authbackbone.adapter.in.http.connection;

import dev.authbackbone.adapter.in.http.net.ClientAddressGroup;
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
 * it is accepted, before a byte of it is read. An IPv6 peer counts with the rest of its /64, as the
 * per-IP rate limits count it ({@link ClientAddressGroup}): one host usually holds the whole /64,
 * and would otherwise open the cap's worth of connections from each of its addresses. Peers the
 * predicate exempts (trusted proxies, which carry many clients) are not counted.
 */
public final class ConnectionsPerAddress implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPerAddress.class);

    private final int max;
    private final Predicate<InetAddress> exempt;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final Map<Connection, String> counted = new ConcurrentHashMap<>();

    /**
     * @param max    the most connections one address (an IPv6 /64) may hold open
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
        String group = ClientAddressGroup.of(peer);
        int now = open.merge(group, 1, Integer::sum);
        counted.put(connection, group);
        if (now > max) {
            // The address is not logged in full at this volume; the count says enough.
            LOG.debug("Closing a connection beyond the per-address cap of {}", max);
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String group = counted.remove(connection);
        if (group != null) {
            open.computeIfPresent(group, (g, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** How many connections {@code peer} holds now, as counted: for IPv6, its whole /64. */
    public int openFrom(InetAddress peer) {
        return open.getOrDefault(ClientAddressGroup.of(peer), 0);
    }

    private static InetAddress peer(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
