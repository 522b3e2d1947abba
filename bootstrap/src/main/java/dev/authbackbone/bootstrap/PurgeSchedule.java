package dev.authbackbone.bootstrap;

import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateResult;
import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateUseCase;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the purge every {@code interval} on one daemon thread. Every instance runs its own: the
 * purge is safe to run concurrently, and needs no leader. The first run comes after a random part
 * of one interval, so that instances started together do not purge in step. A failed run is
 * logged and the next one comes as planned; the schedule ends only with {@link #close()}.
 */
final class PurgeSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PurgeSchedule.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final PurgeExpiredStateUseCase purge;
    private final ScheduledExecutorService executor;

    private PurgeSchedule(PurgeExpiredStateUseCase purge) {
        this.purge = purge;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "purge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the schedule; the first run comes after a delay drawn from {@code random} below {@code interval}. */
    static PurgeSchedule start(PurgeExpiredStateUseCase purge, Duration interval, RandomGenerator random) {
        PurgeSchedule schedule = new PurgeSchedule(purge);
        long periodMillis = Math.max(1, interval.toMillis());
        long firstDelayMillis = random.nextLong(periodMillis);
        schedule.executor.scheduleAtFixedRate(schedule::runOnce, firstDelayMillis, periodMillis, TimeUnit.MILLISECONDS);
        LOG.info("Purging spent tokens, old quota entries and old audit events every {} (first run in {} s)",
                Configuration.human(interval), firstDelayMillis / 1000);
        return schedule;
    }

    /** One run; never throws, since an exception would cancel every later run of a scheduled task. */
    void runOnce() {
        try {
            PurgeExpiredStateResult result = purge.purge();
            if (result instanceof PurgeExpiredStateResult.Purged p && (p.tokens() > 0 || p.ledgerEntries() > 0 || p.auditEvents() > 0
                    || p.sessions() > 0)) {
                LOG.info("Purged {} spent tokens, {} old quota ledger entries, {} old audit events and {} ended sessions",
                        p.tokens(), p.ledgerEntries(), p.auditEvents(), p.sessions());
            } else {
                LOG.debug("Purge found nothing to delete");
            }
        } catch (StorageUnavailableException e) {
            LOG.warn("Purge skipped, the database is unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Purge failed; it runs again at the next interval", e);
        }
    }

    /** Stops the schedule, letting a run in progress finish for a few seconds. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "PurgeSchedule";
    }
}
