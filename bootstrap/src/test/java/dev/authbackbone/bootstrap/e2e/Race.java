package dev.authbackbone.bootstrap.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Concurrent clients released at one instant, each told its number; bounded so a hang fails the test. */
final class Race {

    private Race() {
    }

    /** Runs {@code client} for 0 to {@code clients - 1} at once and returns the results in client order. */
    static <T> List<T> run(int clients, IntFunction<T> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int number = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return client.apply(number);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
