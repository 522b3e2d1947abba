package dev.authbackbone.adapter.in.http.connection;

import dev.authbackbone.adapter.in.http.net.ClientAddressGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;

/**
 * Lets one peer address (an IPv6 /64, as everywhere else) hold at most a share of the request
 * threads at once for GET and HEAD requests; its further ones wait for one of its own to finish,
 * holding no thread.
 *
 * <p>A request thread writes its answer and stays with it until the client has read it. One
 * address that pipelined large answers (the OpenAPI document) on its 64 connections and never read
 * them held all 48 threads for the read timeout each time, so {@code /health/live} took 8-9 s for
 * everyone else (an outside probe). The per-address connection cap could not help: it is above
 * the thread count, and lowering it would not stop a client that reads slowly. Peers the predicate
 * exempts (trusted proxies, which carry many clients) are not limited.
 *
 * <p>Only GET and HEAD: their answers are the large ones (documents, metrics, pages) that fill a
 * connection's buffers and block a thread; every POST answers a few hundred bytes, which the socket
 * takes at once. Limiting POSTs too cost what parking costs (a hand-off through the thread pool for
 * every request beyond the limit): a benchmark from one address at 128 connections ran a third
 * slower (docs/performance.md, ninth round).
 */
public final class ThreadsPerAddress extends ThreadLimitHandler {

    private static final String UNLIMITED = "unlimited:";

    private final Predicate<InetAddress> exempt;

    /**
     * @param limit  the most request threads one address may hold at once
     * @param exempt the peers that are not limited
     */
    public ThreadsPerAddress(int limit, Predicate<InetAddress> exempt) {
        // No forwarded header: the peer is the socket's; proxies we trust are exempt instead.
        super(null);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        this.exempt = Objects.requireNonNull(exempt, "exempt");
        setThreadLimit(limit);
        includeMethod("GET", "HEAD");
    }

    @Override
    protected String getRemoteIP(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (!(remote instanceof InetSocketAddress inet) || inet.getAddress() == null) {
            return super.getRemoteIP(request);
        }
        InetAddress peer = inet.getAddress();
        return exempt.test(peer) ? UNLIMITED + peer.getHostAddress() : ClientAddressGroup.of(peer);
    }

    @Override
    protected int getThreadLimit(String remote) {
        return remote.startsWith(UNLIMITED) ? Integer.MAX_VALUE : super.getThreadLimit(remote);
    }
}
