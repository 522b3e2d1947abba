package dev.authbackbone.adapter.in.http.connection;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that all request bodies still arriving may hold in memory together.
 *
 * <p>Each connection is capped (the body limit) and so is their number, but the product of the two
 * caps was more than the heap: 1,500 connections each holding a body of 16 KiB (in a buffer that
 * had doubled to 32 KiB) filled the launcher's 64 MiB heap, and the {@code OutOfMemoryError} that
 * followed killed threads the server could not do without. A body is only ever held here while it
 * arrives; once dispatched, a request thread holds it, and those are few. So this one shared count
 * is what keeps the heap safe whatever the number of slow senders.
 */
public final class BodyBudget {

    /**
     * The share of the heap given to bodies in flight: on the launcher's 64 MiB, 8 MiB, some 500
     * bodies at the 16 KiB limit at once, or tens of thousands of ordinary ones (a few hundred bytes),
     * and it leaves the rest of the heap to the connections themselves and to the work.
     */
    static final int HEAP_FRACTION = 8;

    private final long total;
    private final AtomicLong free;

    /** A budget of {@code bytes} in all. */
    public BodyBudget(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
        }
        this.total = bytes;
        this.free = new AtomicLong(bytes);
    }

    /** A budget of an eighth of {@code maxHeapBytes} ({@link Runtime#maxMemory()}). */
    public static long forHeap(long maxHeapBytes) {
        return maxHeapBytes / HEAP_FRACTION;
    }

    /** Takes {@code bytes} from the budget if all of them are there; a refusal takes nothing. */
    boolean tryReserve(long bytes) {
        long left;
        do {
            left = free.get();
            if (left < bytes) {
                return false;
            }
        } while (!free.compareAndSet(left, left - bytes));
        return true;
    }

    /** Gives back {@code bytes} taken before. */
    void release(long bytes) {
        free.addAndGet(bytes);
    }

    /** The budget's size. */
    public long total() {
        return total;
    }

    /** What is not held by a body now (all of it when no body is arriving). */
    public long available() {
        return free.get();
    }
}
