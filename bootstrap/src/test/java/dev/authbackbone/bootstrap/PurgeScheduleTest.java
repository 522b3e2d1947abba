package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateResult;
import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateUseCase;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class PurgeScheduleTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PurgeSchedule.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.DEBUG);
        // The failures below are provoked on purpose: kept here and checked, not printed with their stack traces.
        logger.setAdditive(false);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
        logger.setLevel(null);
        logger.setAdditive(true);
    }

    /** Answers the scripted outcomes in turn, then "nothing purged". */
    private static final class ScriptedPurge implements PurgeExpiredStateUseCase {
        final AtomicInteger runs = new AtomicInteger();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final List<RuntimeException> failures;

        ScriptedPurge(List<RuntimeException> failures) {
            this.failures = failures;
        }

        @Override
        public PurgeExpiredStateResult purge() {
            threads.add(Thread.currentThread());
            int run = runs.getAndIncrement();
            if (run < failures.size()) {
                throw failures.get(run);
            }
            return run == failures.size() ? new PurgeExpiredStateResult.Purged(4, 2, 3, 1) : new PurgeExpiredStateResult.Purged(0, 0, 0, 0);
        }
    }

    @Test
    void failingRuns_areLoggedAndTheScheduleGoesOn_untilClosed() throws Exception {
        ScriptedPurge purge = new ScriptedPurge(List.of(
                new StorageUnavailableException("connection refused", Duration.ofSeconds(5), null),
                new IllegalStateException("a bug")));

        PurgeSchedule schedule = PurgeSchedule.start(purge, Duration.ofMillis(50), RandomGenerator.of("L64X128MixRandom"));
        waitFor(() -> purge.runs.get() >= 4);
        schedule.close();
        int runsAtClose = purge.runs.get();
        Thread.sleep(200);

        assertThat(purge.runs.get()).isEqualTo(runsAtClose);
        assertThat(purge.threads).allSatisfy(thread -> {
            assertThat(thread.getName()).isEqualTo("purge");
            assertThat(thread.isDaemon()).isTrue();
        });
        assertThat(messages(Level.WARN)).containsExactly("Purge skipped, the database is unavailable: connection refused");
        assertThat(messages(Level.ERROR)).containsExactly("Purge failed; it runs again at the next interval");
        assertThat(messages(Level.INFO)).contains("Purged 4 spent tokens, 2 old quota ledger entries, 3 old audit events and 1 ended sessions");
        assertThat(messages(Level.DEBUG)).contains("Purge found nothing to delete");
    }

    @Test
    void firstRun_comesWithinOneInterval() throws Exception {
        ScriptedPurge purge = new ScriptedPurge(List.of());

        PurgeSchedule schedule = PurgeSchedule.start(purge, Duration.ofMillis(300), RandomGenerator.of("L64X128MixRandom"));
        try {
            waitFor(() -> purge.runs.get() >= 1);
        } finally {
            schedule.close();
        }
        assertThat(messages(Level.INFO)).anySatisfy(message ->
                assertThat(message).startsWith("Purging spent tokens, old quota entries and old audit events every 300ms"));
    }

    private List<String> messages(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 5 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
