package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PrimaryUndoRepository} promises. Implementations extend this class and supply a
 * fresh, empty fixture for each test.
 */
public abstract class PrimaryUndoRepositoryContract {

    /** A repository with nothing stored, the unit of work it takes part in, and the test's clock. */
    public record Fixture(PrimaryUndoRepository undos, UnitOfWork unitOfWork, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("00000000-0000-4000-8000-000000000051"));
    private static final EmailAddress PREVIOUS = EmailAddress.parse("Home@example.com");
    /** When {@link #PREVIOUS} was linked: microseconds, which both databases keep. */
    private static final Instant LINKED = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final AccountId OTHER_ACCOUNT = new AccountId(UUID.fromString("00000000-0000-4000-8000-000000000052"));

    private PrimaryUndoRepository undos;
    private UnitOfWork unitOfWork;
    private MutableClock clock;

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        undos = fixture.undos();
        unitOfWork = fixture.unitOfWork();
        clock = fixture.clock();
    }

    private OneTimeToken stored(long seed) {
        return stored(seed, ACCOUNT);
    }

    private OneTimeToken stored(long seed, AccountId account) {
        OneTimeToken token = OneTimeToken.generate(new SeededRandomSource(seed));
        undos.save(PrimaryUndo.issue(token, account, new EmailIdentity(account, PREVIOUS, false, LINKED), clock.instant()));
        return token;
    }

    @Test
    void consume_usableLink_returnsItOnce_withItsAccountAndPreviousAddressAsGiven() {
        OneTimeToken token = stored(1);

        Optional<PrimaryUndo> consumed = undos.consume(token.hash(), clock.instant());

        assertThat(consumed).hasValueSatisfying(undo -> {
            assertThat(undo.account()).isEqualTo(ACCOUNT);
            assertThat(undo.previous().value()).isEqualTo("Home@example.com");
            assertThat(undo.previousVerifiedAt()).as("when it was linked").contains(LINKED);
            assertThat(undo.consumedAt()).contains(clock.instant());
        });
        assertThat(undos.consume(token.hash(), clock.instant())).isEmpty();
    }

    @Test
    void consume_expiredUnknownOrDeletedLink_isEmpty() {
        OneTimeToken expired = stored(2);
        OneTimeToken deleted = stored(3);
        undos.delete(deleted.hash());

        assertThat(undos.consume(expired.hash(), clock.instant().plus(PrimaryUndo.TTL))).isEmpty();
        assertThat(undos.consume(deleted.hash(), clock.instant())).isEmpty();
        assertThat(undos.consume(OneTimeToken.generate(new SeededRandomSource(4)).hash(), clock.instant())).isEmpty();
    }

    @Test
    void consume_concurrently_exactlyOneWins() {
        OneTimeToken token = stored(5);

        List<Optional<PrimaryUndo>> results = Concurrently.run(6, i -> () -> unitOfWork.inTransaction(
                () -> undos.consume(token.hash(), clock.instant())));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
    }

    @Test
    void revokeIssuedSince_endsTheAccountsUsableLinksFromThatInstantOn_only() {
        OneTimeToken older = stored(8);
        clock.advance(Duration.ofSeconds(1));
        Instant since = clock.instant();
        OneTimeToken atSince = stored(9);
        OneTimeToken used = stored(10);
        clock.advance(Duration.ofSeconds(1));
        OneTimeToken newer = stored(12);
        OneTimeToken others = stored(11, OTHER_ACCOUNT);
        undos.consume(used.hash(), clock.instant());

        assertThat(unitOfWork.inTransaction(() -> undos.revokeIssuedSince(ACCOUNT, since, clock.instant()))).isEqualTo(2);

        assertThat(undos.consume(atSince.hash(), clock.instant())).isEmpty();
        assertThat(undos.consume(newer.hash(), clock.instant())).isEmpty();
        assertThat(undos.consume(older.hash(), clock.instant())).isPresent();
        assertThat(undos.consume(others.hash(), clock.instant())).isPresent();
    }

    @Test
    void usableOf_listsTheAccountsUsableLinks_oldestFirst_andFindReadsAnyLink() {
        OneTimeToken first = stored(13);
        clock.advance(Duration.ofMillis(5));
        OneTimeToken second = stored(14);
        OneTimeToken used = stored(15);
        stored(16, OTHER_ACCOUNT);
        undos.consume(used.hash(), clock.instant());

        assertThat(undos.usableOf(ACCOUNT, clock.instant())).extracting(PrimaryUndo::hash)
                .containsExactly(first.hash(), second.hash());
        assertThat(undos.usableOf(ACCOUNT, clock.instant().plus(PrimaryUndo.TTL))).isEmpty();
        assertThat(undos.find(used.hash())).get().extracting(u -> u.consumedAt().isPresent()).isEqualTo(true);
        assertThat(undos.find(OneTimeToken.generate(new SeededRandomSource(17)).hash())).isEmpty();
    }

    @Test
    void purgeSpentBefore_deletesUsedAndExpiredLinks_only() {
        OneTimeToken used = stored(6);
        stored(7);
        undos.consume(used.hash(), clock.instant());

        assertThat(undos.purgeSpentBefore(clock.instant().plus(Duration.ofSeconds(1)))).isEqualTo(1);
        assertThat(undos.purgeSpentBefore(clock.instant().plus(PrimaryUndo.TTL))).isEqualTo(1);
    }
}
