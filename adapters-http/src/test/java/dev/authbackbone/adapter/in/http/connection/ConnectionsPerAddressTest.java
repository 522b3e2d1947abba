package dev.authbackbone.adapter.in.http.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteArrayEndPoint;
import org.eclipse.jetty.io.Connection;
import org.junit.jupiter.api.Test;

/**
 * The cap as Jetty's connector drives it, on Jetty's own in-memory connections with the peer
 * addresses a test needs: the loopback interface here has only {@code ::1}, and binding other
 * addresses of one /64 would take root and a change to the host's network.
 */
class ConnectionsPerAddressTest {

    private static final String PROXY = "2001:db8:9::1";

    private final ConnectionsPerAddress cap = new ConnectionsPerAddress(2, peer -> peer.equals(address(PROXY)));

    @Test
    void onOpened_ipv6PeersOfOneSlash64_shareTheCap() throws Exception {
        Connection first = opened("2001:db8:1:2::1");
        Connection second = opened("2001:db8:1:2:ffff::2");
        Connection third = opened("2001:db8:1:2:abcd:1:2:3");
        Connection elsewhere = opened("2001:db8:1:3::1");

        assertThat(first.getEndPoint().isOpen()).isTrue();
        assertThat(second.getEndPoint().isOpen()).isTrue();
        assertThat(third.getEndPoint().isOpen()).as("a third from the same /64").isFalse();
        assertThat(elsewhere.getEndPoint().isOpen()).as("the next /64").isTrue();
        assertThat(cap.openFrom(InetAddress.getByName("2001:db8:1:2::99"))).isEqualTo(3);
    }

    @Test
    void onClosed_givesThePlaceBackToTheWholeSlash64() throws Exception {
        Connection first = opened("2001:db8:1:2::1");
        opened("2001:db8:1:2::2");
        cap.onClosed(first);

        assertThat(opened("2001:db8:1:2::3").getEndPoint().isOpen()).isTrue();
    }

    @Test
    void onOpened_ipv4PeersAreCappedOneByOne_andExemptPeersNotAtAll() throws Exception {
        opened("192.0.2.1");
        opened("192.0.2.1");

        assertThat(opened("192.0.2.1").getEndPoint().isOpen()).isFalse();
        assertThat(opened("192.0.2.2").getEndPoint().isOpen()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(opened(PROXY).getEndPoint().isOpen()).as("a trusted proxy").isTrue();
        }
    }

    /** A connection from {@code peer}, as the connector reports it opened. */
    private Connection opened(String peer) {
        SocketAddress remote = new InetSocketAddress(address(peer), 40_000);
        ByteArrayEndPoint endPoint = new ByteArrayEndPoint() {
            @Override
            public SocketAddress getRemoteSocketAddress() {
                return remote;
            }
        };
        Connection connection = new AbstractConnection(endPoint, Runnable::run) {
            @Override
            public void onFillable() {
            }
        };
        cap.onOpened(connection);
        return connection;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
