package dev.authbackbone.adapter.in.http.connection;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
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
 *
 * <p>What the bodies still arriving keep is bounded all together by a {@link BodyBudget}: a body
 * reserves its bytes before it keeps them and gives them back when it is dispatched, answered 408
 * or refused. One the budget cannot cover is answered 503 at once, with {@code Retry-After} (the
 * read timeout, within which every byte held now is given back) and {@code Connection: close}.
 */
public final class WholeRequestHandler extends Handler.Wrapper {

    /** Request attribute: {@code Boolean.TRUE} once the whole body was read before dispatch. */
    public static final String ARRIVED = "dev.authbackbone.http.body-arrived";

    /** The most of an unwanted body read to keep an error answer deliverable. */
    static final long MAX_DISCARDED_BYTES = 4L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WholeRequestHandler.class);

    /** How often, at most, a full budget is logged: under attack it is full for as long as the attack lasts. */
    private static final long FULL_BUDGET_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final byte[] NOTHING = new byte[0];

    private final long readTimeoutNanos;
    private final int maxBodyBytes;
    private final BodyBudget budget;
    private final String retryAfterSeconds;
    private final AtomicLong lastFullBudgetLog = new AtomicLong(NanoTime.now() - FULL_BUDGET_LOG_INTERVAL_NANOS);

    /**
     * @param readTimeout  the most a request may take to arrive, headers and body together
     * @param maxBodyBytes the longest body the routes accept
     * @param budget       what all bodies still arriving may keep together; at least one body over the limit
     */
    public WholeRequestHandler(Duration readTimeout, int maxBodyBytes, BodyBudget budget) {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        Objects.requireNonNull(budget, "budget");
        if (budget.total() < maxBodyBytes + 1L) {
            // Smaller, and a body at the limit could never arrive, attack or not.
            throw new IllegalArgumentException("budget must hold at least maxBodyBytes + 1 = " + (maxBodyBytes + 1L)
                    + " bytes, was " + budget.total());
        }
        this.readTimeoutNanos = readTimeout.toNanos();
        this.maxBodyBytes = maxBodyBytes;
        this.budget = budget;
        this.retryAfterSeconds = Long.toString(Math.max(1, (readTimeout.toMillis() + 999) / 1000));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        if (declared > maxBodyBytes && request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())) {
            // The client waits for our go before it sends: refuse at once instead of inviting a body
            // only to discard it (reading would answer 100 Continue).
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
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

    /**
     * One request's body on its way in; every step runs briefly on whichever thread Jetty offers.
     * Exactly one of dispatch, expire and refuse decides its fate, and that one gives its bytes back.
     */
    private final class Arrival implements Runnable {

        private final Request request;
        private final Response response;
        private final Callback callback;
        private final AtomicBoolean decided = new AtomicBoolean();
        // Guarded by this: the deadline's thread may give the bytes back while a chunk is being kept.
        private byte[] body = NOTHING;
        private int size;
        private boolean givenBack;
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
                boolean kept = keep(bytes);
                boolean last = chunk.isLast();
                chunk.release();
                if (!kept) {
                    refuse();
                    return;
                }
                if (last) {
                    request.setAttribute(ARRIVED, Boolean.TRUE);
                }
                if (last || seen > MAX_DISCARDED_BYTES) {
                    dispatch();
                    return;
                }
            }
        }

        /**
         * Copies what is kept of {@code bytes} (up to the limit + 1) into the body, reserving it in the
         * budget before allocating it; false when the budget cannot cover it.
         */
        private synchronized boolean keep(ByteBuffer bytes) {
            int take = Math.min(maxBodyBytes + 1 - size, bytes.remaining());
            if (givenBack || take == 0) {
                return true;
            }
            if (size + take > body.length) {
                // Doubling, as a growing buffer does, but capped at what is kept and reserved before it is
                // allocated, so that the budget counts the heap this body holds. Growing by each chunk
                // alone would copy a body trickled a byte at a time once per byte; a body that arrives
                // in one chunk (most do) gets a buffer of exactly its size.
                int capacity = Math.min(maxBodyBytes + 1, Math.max(size + take, 2 * body.length));
                if (!budget.tryReserve(capacity - body.length)) {
                    return false;
                }
                body = Arrays.copyOf(body, capacity);
            }
            bytes.get(body, size, take);
            size += take;
            return true;
        }

        /** Gives the body's bytes back to the budget, once, and returns what was kept. */
        private synchronized ByteBuffer giveBack() {
            if (!givenBack) {
                givenBack = true;
                budget.release(body.length);
            }
            return ByteBuffer.wrap(body, 0, size);
        }

        private void dispatch() {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            // From here a request thread holds the body, and those are few (the thread pool's size).
            Request buffered = new BufferedRequest(request, giveBack(), failure);
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
            giveBack();
            LOG.debug("Request body did not arrive within {} ms; closing the connection", readTimeoutNanos / 1_000_000);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.REQUEST_TIMEOUT_408,
                    "The request did not arrive in time.");
        }

        /** The budget is spent: answered now, as the 408 is, rather than held on to in the hope of room. */
        private void refuse() {
            if (!decided.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            giveBack();
            logFullBudget();
            response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                    "The server is busy.");
        }
    }

    /** One line a minute at most: enough for an operator to see why 503s are given, not a flood in the log. */
    private void logFullBudget() {
        long last = lastFullBudgetLog.get();
        if (NanoTime.since(last) >= FULL_BUDGET_LOG_INTERVAL_NANOS && lastFullBudgetLog.compareAndSet(last, NanoTime.now())) {
            LOG.warn("Request bodies still arriving hold the whole body budget of {} bytes: answering 503 to bodies "
                    + "that do not fit (many slow senders at once? see docs/operations.md, \"Slow clients\")", budget.total());
        }
    }

    /** The request with its body served from memory; reading never waits. */
    private static final class BufferedRequest extends Request.Wrapper {

        private Content.Chunk next;

        BufferedRequest(Request wrapped, ByteBuffer body, Content.Chunk failure) {
            super(wrapped);
            this.next = failure != null ? failure : Content.Chunk.from(body, true);
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
