package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs units of work one at a time, which is the strongest isolation a database could give: the
 * fakes' "locks" are then implied. It does not roll back; the fakes change nothing before a
 * unit of work decides, and tests of rollback belong to the database adapter.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
