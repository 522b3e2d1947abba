package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailRequest;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * What the JDBI adapter promises beyond the port contracts, on a real database: transactions that
 * roll back, locks that make other transactions wait, and the precision of stored instants.
 */
@OnEveryMigratedDatabase
class JdbiStorageTest {

    @Parameter
    MigratedDatabase db;

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final EmailPurpose CONFIRM = EmailPurpose.EMAIL_CONFIRMATION;

    private JdbiUnitOfWork unitOfWork;
    private JdbiAccountRepository accounts;
    private JdbiEmailTokenRepository tokens;
    private JdbiEmailRequestLedger ledger;
    private final SeededRandomSource random = new SeededRandomSource(11);
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void setUp() {
        db.wipe();
        unitOfWork = new JdbiUnitOfWork(db.jdbi());
        // As the server builds them: on H2 they lock rows by UPDATE (RowLocking), on PostgreSQL by FOR UPDATE.
        accounts = new JdbiAccountRepository(db.database());
        tokens = new JdbiEmailTokenRepository(db.jdbi());
        ledger = new JdbiEmailRequestLedger(db.database());
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static AccountId accountId(int n) {
        return new AccountId(new UUID(0x0000000000004000L, 0x8000000000000000L | n));
    }

    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw);
    }

    private EmailToken confirmation(AccountId account, String address, Instant issuedAt) {
        return EmailToken.issue(OneTimeToken.generate(random), CONFIRM, Optional.of(account), email(address), issuedAt,
                Duration.ofHours(24));
    }

    @Test
    void inTransaction_workThrows_storesNothingAndRethrowsSameException() {
        EmailToken token = confirmation(accountId(1), "ada@example.com", NOW);
        IllegalStateException failure = new IllegalStateException("refused after writing");

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            accounts.open(Account.open(accountId(1), NOW), email("ada@example.com"), NOW);
            accounts.link(accountId(1), email("ada@work.example"), NOW);
            tokens.save(token);
            ledger.lock(email("ada@example.com"), CONFIRM);
            ledger.record(new EmailRequest(new UUID(1, 1), email("ada@example.com"), CONFIRM,
                    Optional.of(accountId(1)), NOW));
            throw failure;
        })).isSameAs(failure);

        assertThat(accounts.find(accountId(1))).isEmpty();
        assertThat(accounts.findByEmail(email("ada@work.example"))).isEmpty();
        assertThat(tokens.consume(token.hash(), CONFIRM, NOW)).isEmpty();
        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, NOW.minusSeconds(1))).isEmpty();
    }

    @Test
    void inTransaction_nestedUnitOfWork_joinsOuterAndRollsBackWithIt() {
        RuntimeException failure = new RuntimeException("outer fails");

        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            unitOfWork.inTransaction(() -> accounts.open(Account.open(accountId(1), NOW), email("ada@example.com"), NOW));
            throw failure;
        })).isSameAs(failure);

        assertThat(accounts.find(accountId(1))).isEmpty();
    }

    @Test
    void inTransaction_uncommittedWrites_visibleOnlyInsideUnitOfWork() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        Future<Boolean> seenInside = executor.submit(() -> unitOfWork.inTransaction(() -> {
            accounts.open(Account.open(accountId(1), NOW), email("ada@example.com"), NOW);
            written.countDown();
            await(checked);
            return accounts.find(accountId(1)).isPresent();
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        boolean seenOutside = accounts.find(accountId(1)).isPresent();
        checked.countDown();

        assertThat(seenOutside).isFalse();
        assertThat(seenInside.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(accounts.find(accountId(1))).isPresent();
    }

    /** {@code waiter} (which returns when it got through) is still blocked while {@code holder} holds its lock, and gets through only after {@code release}. */
    private static void assertWaitsUntilReleased(Future<Long> waiter, CountDownLatch release, Future<?> holder) throws Exception {
        Thread.sleep(300);
        assertThat(waiter.isDone()).isFalse();
        long releasedAt = System.nanoTime();
        release.countDown();

        assertThat(waiter.get(10, TimeUnit.SECONDS)).isGreaterThan(releasedAt);
        holder.get(10, TimeUnit.SECONDS);
    }

    /** Locks {@code address}'s confirmation quota in a unit of work on another thread, held until {@code release}. */
    private Future<?> holdLockUntil(EmailAddress address, CountDownLatch release) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> holder = executor.submit(() -> unitOfWork.inTransaction(() -> {
            ledger.lock(address, CONFIRM);
            locked.countDown();
            await(release);
            return null;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    @Test
    void lock_heldByAnotherUnitOfWork_waitsUntilItEnds() throws Exception {
        EmailAddress address = email("ada@example.com");
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLockUntil(address, release);

        Future<Long> waiter = executor.submit(() -> unitOfWork.inTransaction(() -> {
            ledger.lock(email("ADA@example.com"), CONFIRM);
            return System.nanoTime();
        }));
        unitOfWork.inTransaction(() -> {
            // Other addresses and other purposes have locks of their own.
            ledger.lock(email("bob@example.com"), CONFIRM);
            ledger.lock(address, EmailPurpose.SIGN_IN);
            return null;
        });
        assertWaitsUntilReleased(waiter, release, holder);
    }

    @Test
    void lock_heldLongerThanTheLockTimeout_failsAsStorageUnavailableAndStoresNothing() throws Exception {
        EmailAddress address = email("ada@example.com");
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdLockUntil(address, release);
        try {
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
                ledger.record(new EmailRequest(new UUID(1, 4), email("bob@example.com"), CONFIRM, Optional.empty(), NOW));
                withShortLockTimeout(() -> ledger.lock(address, CONFIRM));
                return null;
            })).isInstanceOf(StorageUnavailableException.class)
                    .satisfies(e -> assertThat(((StorageUnavailableException) e).retryAfter()).isPositive());
        } finally {
            release.countDown();
        }
        holder.get(10, TimeUnit.SECONDS);

        assertThat(ledger.acceptedSince(email("bob@example.com"), CONFIRM, NOW.minusSeconds(1))).isEmpty();
    }

    @Test
    void findForUpdate_accountLockedByAnotherUnitOfWork_waitsUntilItEnds() throws Exception {
        accounts.open(Account.open(accountId(1), NOW), email("ada@example.com"), NOW);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = executor.submit(() -> unitOfWork.inTransaction(() -> {
            accounts.findForUpdate(accountId(1));
            locked.countDown();
            await(release);
            return null;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        Future<Long> waiter = executor.submit(() -> unitOfWork.inTransaction(() -> {
            accounts.findForUpdate(accountId(1));
            return System.nanoTime();
        }));
        assertWaitsUntilReleased(waiter, release, holder);
    }

    @Test
    void twoAccountsLinkingOneAddressAfterEachConsumedATokenForIt_oneLinksAndNeitherWaitsForTheOther() throws Exception {
        accounts.open(Account.open(accountId(1), NOW), email("ada@example.com"), NOW);
        accounts.open(Account.open(accountId(2), NOW), email("bob@example.com"), NOW);
        EmailToken adas = confirmation(accountId(1), "shared@example.com", NOW);
        EmailToken bobs = confirmation(accountId(2), "shared@example.com", NOW);
        tokens.save(adas);
        tokens.save(bobs);
        CountDownLatch bothConsumed = new CountDownLatch(2);
        Instant later = NOW.plusSeconds(60);

        List<Future<LinkOutcome>> confirmations = List.of(adas, bobs).stream().map(token -> executor.submit(() ->
                unitOfWork.inTransaction(() -> {
                    // What ConfirmEmailService does, with both tokens consumed before either links.
                    tokens.consume(token.hash(), CONFIRM, later).orElseThrow();
                    bothConsumed.countDown();
                    await(bothConsumed);
                    LinkOutcome outcome = accounts.link(token.account().orElseThrow(), token.email(), later);
                    tokens.revokeOutstanding(token.email(), token.account().orElseThrow(), later);
                    return outcome;
                }))).toList();

        List<LinkOutcome> outcomes = List.of(confirmations.get(0).get(8, TimeUnit.SECONDS),
                confirmations.get(1).get(8, TimeUnit.SECONDS));
        assertThat(outcomes).filteredOn(o -> o instanceof LinkOutcome.Linked).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof LinkOutcome.HeldByAnotherAccount).hasSize(1);
        assertThat(count("SELECT count(*) FROM email_identity WHERE email_canonical = 'shared@example.com'")).isEqualTo(1);
    }

    @Test
    void purgeBefore_lockRowOfForgottenAddress_isRemovedAndLockStillWorks() {
        unitOfWork.inTransaction(() -> {
            ledger.lock(email("ada@example.com"), CONFIRM);
            return null;
        });
        assertThat(lockRows()).isEqualTo(1);

        ledger.purgeBefore(NOW);
        unitOfWork.inTransaction(() -> {
            ledger.lock(email("bob@example.com"), CONFIRM);
            ledger.record(new EmailRequest(new UUID(1, 2), email("bob@example.com"), CONFIRM, Optional.empty(), NOW));
            return null;
        });
        ledger.purgeBefore(NOW);

        // Ada's row had no requests behind it; Bob's has one that is not yet purged.
        assertThat(lockRows()).isEqualTo(1);
    }

    @Test
    void purge_runningOnSeveralInstancesAtOnce_deletesEachRowOnce() {
        for (int i = 0; i < 200; i++) {
            ledger.record(new EmailRequest(new UUID(2, i), email("user" + (i % 20) + "@example.com"), CONFIRM,
                    Optional.empty(), NOW.minusSeconds(3600 + i)));
            tokens.save(confirmation(accountId(1), "user" + i + "@example.com", NOW.minus(Duration.ofDays(3))));
        }

        List<Integer> purged = Concurrently.run(4, i -> () ->
                ledger.purgeBefore(NOW) + tokens.purgeSpentBefore(NOW));

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isEqualTo(400);
        assertThat(count("SELECT count(*) FROM email_request") + count("SELECT count(*) FROM email_token")).isZero();
    }

    @Test
    void purge_moreRowsThanOneBatch_deletesThemAllAndKeepsTheRest() {
        int spent = JdbiEmailRequestLedger.Statements.PURGE_BATCH + 7;
        db.jdbi().useTransaction(h -> {
            var ledgerRows = h.prepareBatch("INSERT INTO email_request (id, email_canonical, purpose, accepted_at)"
                    + " VALUES (:id, :canonical, 'EMAIL_CONFIRMATION', :at)");
            var tokenRows = h.prepareBatch("INSERT INTO email_token (token_hash, purpose, email, email_canonical,"
                    + " issued_at, expires_at) VALUES (:hash, 'SIGN_IN', :canonical, :canonical, :at, :expires)");
            for (int i = 0; i < spent + 3; i++) {
                // The last three are younger than the cutoff.
                Instant at = i < spent ? NOW.minus(Duration.ofDays(2)) : NOW.plusSeconds(60);
                ledgerRows.bind("id", new UUID(3, i)).bind("canonical", "user" + i + "@example.com")
                        .bind("at", Timestamps.toColumn(at)).add();
                tokenRows.bind("hash", String.format("%064x", i)).bind("canonical", "user" + i + "@example.com")
                        .bind("at", Timestamps.toColumn(at)).bind("expires", Timestamps.toColumn(at.plusSeconds(900))).add();
            }
            ledgerRows.execute();
            tokenRows.execute();
        });

        assertThat(ledger.purgeBefore(NOW)).isEqualTo(spent);
        assertThat(tokens.purgeSpentBefore(NOW)).isEqualTo(spent);
        assertThat(count("SELECT count(*) FROM email_request")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM email_token")).isEqualTo(3);
    }

    @Test
    void instants_withNanoseconds_storedTruncatedToMicroseconds() {
        Instant issuedAt = Instant.parse("2026-03-01T10:00:00.123456789Z");
        EmailToken token = confirmation(accountId(1), "ada@example.com", issuedAt);
        tokens.save(token);
        // Truncation, not rounding: .123456999 must not become .123457.
        Instant usedAt = Instant.parse("2026-03-01T10:01:00.123456999Z");

        EmailToken consumed = tokens.consume(token.hash(), CONFIRM, usedAt).orElseThrow();

        assertThat(consumed.issuedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(consumed.expiresAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00.123456Z"));
        assertThat(consumed.consumedAt()).contains(Instant.parse("2026-03-01T10:01:00.123456Z"));
    }

    @Test
    void acceptedSince_sinceEqualToStoredInstant_excludesItButIncludesOneMicroLater() {
        Instant accepted = Instant.parse("2026-03-01T10:00:00.123456789Z");
        Instant stored = Instant.parse("2026-03-01T10:00:00.123456Z");
        ledger.record(new EmailRequest(new UUID(1, 3), email("ada@example.com"), CONFIRM, Optional.empty(), accepted));

        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, stored)).isEmpty();
        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, stored.minusNanos(1000)))
                .containsExactly(stored);
    }

    @Test
    void link_unknownAccount_throwsDatabaseExceptionThatDoesNotNameTheAddress() {
        assertThatThrownBy(() -> accounts.link(accountId(9), email("secret.person@example.com"), NOW))
                .isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret.person"));
    }

    @Test
    void open_primaryTakenConcurrently_leavesNoAccountBehind() {
        List<LinkOutcome> outcomes = Concurrently.run(8, i -> () ->
                unitOfWork.inTransaction(() -> accounts.open(Account.open(accountId(i + 1), NOW),
                        email("ada@example.com"), NOW)));

        assertThat(outcomes).filteredOn(o -> o instanceof LinkOutcome.Linked).hasSize(1);
        assertThat(count("SELECT count(*) FROM account")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM email_identity")).isEqualTo(1);
    }

    @Test
    void migration_appliedOnce_historyRecordsEachVersionOnce() {
        List<String> versions = db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());

        assertThat(versions).containsExactly("1", "2", "10", "11", "13", "14", "15", "16", "17", "18");
    }

    @Test
    void ping_openDatabase_isUp() {
        assertThat(db.database().ping()).isEqualTo(new Database.Health(true, "ok"));
    }

    /** Runs {@code work} inside the current unit of work with a lock timeout of 200 ms instead of 10 s. */
    private void withShortLockTimeout(Runnable work) {
        if (db.isPostgres()) {
            // SET LOCAL ends with the transaction, so the pooled connection keeps its 10 s.
            db.jdbi().useHandle(h -> h.execute("SET LOCAL lock_timeout = '200ms'"));
            work.run();
            return;
        }
        // H2's lock timeout belongs to the session: put it back before the connection returns to the pool.
        db.jdbi().useHandle(h -> h.execute("SET LOCK_TIMEOUT 200"));
        try {
            work.run();
        } finally {
            db.jdbi().useHandle(h -> h.execute("SET LOCK_TIMEOUT 10000"));
        }
    }

    private long lockRows() {
        return count("SELECT count(*) FROM email_quota_lock");
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
