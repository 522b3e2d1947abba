package dev.authbackbone.adapter.in.http.connection;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request line and headers have not fully arrived within the read
 * timeout, counted from the request's first byte. {@link WholeRequestHandler} bounds the body the
 * same way once the headers are in; before that Jetty has only its idle timeout, which every byte
 * restarts, so a client sending a header line every few seconds could hold its connection forever.
 *
 * <p>Jetty offers no such deadline, so every open connection is looked at a few times per timeout
 * (a tenth of it, between 10 ms and half a second): one whose parser is past the start of a
 * request and still in its headers for longer than the timeout is closed, as an idle one is. The
 * parser is read through Jetty's {@code internal} {@link HttpConnection}: the build pins Jetty's
 * version, and the end-to-end test of slow clients fails if a new one hides the parser's state.
 */
public final class HeaderDeadline extends AbstractLifeCycle implements Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final long timeoutNanos;
    private final long sweepNanos;
    private final Scheduler scheduler;
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private volatile Scheduler.Task next;

    /**
     * @param readTimeout the most a request's headers may take to arrive
     * @param scheduler   runs the sweeps; started before this is
     */
    public HeaderDeadline(Duration readTimeout, Scheduler scheduler) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
        this.timeoutNanos = readTimeout.toNanos();
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
                Math.min(TimeUnit.MILLISECONDS.toNanos(500), timeoutNanos / 10));
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.add(http);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.remove(connection);
    }

    @Override
    protected void doStart() {
        next = scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            for (HttpConnection connection : open) {
                if (headersOverdue(connection.getParser(), now)) {
                    LOG.debug("Request headers did not arrive within {} ms; closing the connection", timeoutNanos / 1_000_000);
                    connection.getEndPoint().close();
                }
            }
        } finally {
            if (isRunning()) {
                next = scheduler.schedule(this::sweep, sweepNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    private boolean headersOverdue(HttpParser parser, long now) {
        // The state first: it is volatile, and the parser writes the begin time before leaving START.
        if (parser.isStart() || !parser.inHeaderState()) {
            return false;
        }
        long began = parser.getBeginNanoTime();
        return began != 0 && NanoTime.elapsed(began, now) > timeoutNanos;
    }
}
