package dev.authbackbone.adapter.in.http.connection;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a request's body in full before any request thread sees the request, and answers 408
 * with {@code Connection: close} when the request has not fully arrived within the read timeout
 * (counted from its first byte).
 *
 * <p>Reading is asynchronous: while a client trickles its body, Jetty holds only the connection
 * and the few bytes read so far, and the servlet later reads the body from memory without
 * blocking. At most {@code maxBodyBytes + 1} bytes are kept, enough for the routes to tell a body
 * that is too large. The rest of a body too large, up to {@value #MAX_DISCARDED_BYTES} bytes in
 * all, is read and dropped here too, so that the 413 reaches a client still sending (a server that
 * closes a connection with unread bytes in it makes TCP reset it); a body declared larger than
 * that is not read at all, and the answer closes the connection. Whether the whole body arrived is
 * left in the request attribute {@value #ARRIVED}.
 */
public final class WholeRequestHandler extends Handler.Wrapper {

    /** Request attribute: {@code Boolean.TRUE} once the whole body was read before dispatch. */
    public static final String ARRIVED = "dev.authbackbone.http.body-arrived";

    /** The most of an unwanted body read to keep an error answer deliverable. */
    static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WholeRequestHandler.class);

    private final long readTimeoutNanos;
    private final int maxBodyBytes;

    /**
     * @param readTimeout  the most a request may take to arrive, headers and body together
     * @param maxBodyBytes the longest body the routes accept
     */
    public WholeRequestHandler(Duration readTimeout, int maxBodyBytes) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        this.readTimeoutNanos = readTimeout.toNanos();
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            request.setAttribute(ARRIVED, Boolean.TRUE);
            return super.handle(request, response, callback);
        }
        if (declared > MAX_DISCARDED_BYTES) {
            return super.handle(request, response, callback);
        }
        new Arrival(request, response, callback).start();
        return true;
    }

    /** One request's body on its way in; every step runs briefly on whichever thread Jetty offers. */
    private final class Arrival implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean decided = new AtomicBoolean();
        private long seen;
        private Scheduler.Task deadline;
        private Content.Chunk failure;

        Arrival(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            long left = readTimeoutNanos - NanoTime.since(request.getBeginNanoTime());
            deadline = request.getComponents().getScheduler().schedule(this::expire, Math.max(0, left), TimeUnit.NANOSECONDS);
            run();
        }

        @Override
        public void run() {
            while (!decided.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // A broken encoding or a vanished client: the route sees the same failure reading.
                    failure = chunk;
                    dispatch();
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                seen += bytes.remaining();
                int take = Math.min(maxBodyBytes + 1 - body.size(), bytes.remaining());
                byte[] copy = new byte[take];
                bytes.get(copy);
                body.write(copy, 0, take);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    request.setAttribute(ARRIVED, Boolean.TRUE);
                }
                if (last || seen > MAX_DISCARDED_BYTES) {
                    dispatch();
                    return;
                }
            }
        }

        private void dispatch() {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            Request buffered = new BufferedRequest(request, body.toByteArray(), failure);
            try {
                if (!WholeRequestHandler.super.handle(buffered, response, callback)) {
                    Response.writeError(buffered, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                callback.failed(t);
            }
        }

        private void expire() {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            LOG.debug("Request body did not arrive within {} ms; closing the connection", readTimeoutNanos / 1_000_000);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                    "The request did not arrive in time.");
        }
    }

    /** The request with its body served from memory; reading never waits. */
    private static final class BufferedRequest extends Request.Wrapper {

        private Content.Chunk next;

        BufferedRequest(Request wrapped, byte[] body, Content.Chunk failure) {
            super(wrapped);
            this.next = failure != null ? failure : Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = next;
            if (chunk == null) {
                return Content.Chunk.EOF;
            }
            if (!Content.Chunk.isFailure(chunk)) {
                next = null;
            }
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
