package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.in.http.token.SigningKeyCache;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyUseCase;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code refresh}, on one daemon thread: rotates the signing key when it is due (every
 * instance asks; the conditional insert lets one win), then re-reads the keys, so a rotation done
 * anywhere (another instance, the operator command) signs this instance's tokens within one
 * refresh, without a restart. A failed run is logged and the next comes as planned.
 */
final class SigningKeySchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySchedule.class);

    private final Optional<RotateSigningKeyUseCase> rotation;
    private final SigningKeyCache keys;
    private final ScheduledExecutorService executor;

    private SigningKeySchedule(Optional<RotateSigningKeyUseCase> rotation, SigningKeyCache keys) {
        this.rotation = rotation;
        this.keys = keys;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signing-keys");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** {@code rotation} is empty when the key comes from a file: nothing changes then, so nothing runs. */
    static SigningKeySchedule start(Optional<RotateSigningKeyUseCase> rotation, SigningKeyCache keys, Duration refresh) {
        SigningKeySchedule schedule = new SigningKeySchedule(rotation, keys);
        long millis = Math.max(100, refresh.toMillis());
        if (rotation.isPresent()) {
            schedule.executor.scheduleWithFixedDelay(schedule::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        }
        return schedule;
    }

    /** One run; never throws, since an exception would cancel every later run of a scheduled task. */
    void runOnce() {
        try {
            rotation.ifPresent(r -> {
                if (r.rotate(RotateSigningKeyUseCase.Trigger.SCHEDULE) instanceof RotateSigningKeyResult.Rotated rotated) {
                    LOG.info("Rotated the access-token signing key on schedule: kid {} (generation {}) signs from now on",
                            rotated.kid(), rotated.generation());
                }
            });
            String before = keys.currentKid();
            keys.reload();
            if (!before.equals(keys.currentKid())) {
                LOG.info("Access tokens are now signed with kid {}", keys.currentKid());
            }
        } catch (StorageUnavailableException e) {
            LOG.warn("Signing keys not re-read, the database is unavailable: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Re-reading the signing keys failed; it runs again at the next interval", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "SigningKeySchedule";
    }
}
