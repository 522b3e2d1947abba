package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountRepository} promises. Implementations extend this class and supply a
 * fresh, empty fixture for each test.
 */
public abstract class AccountRepositoryContract {

    /** A repository with nothing stored, the unit of work it takes part in, and the test's clock. */
    public record Fixture(AccountRepository accounts, UnitOfWork unitOfWork, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private AccountRepository accounts;
    private UnitOfWork unitOfWork;
    private MutableClock clock;

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        accounts = fixture.accounts();
        unitOfWork = fixture.unitOfWork();
        clock = fixture.clock();
    }

    private static AccountId accountId(int n) {
        return new AccountId(new UUID(0x0000000000004000L, 0x8000000000000000L | n));
    }

    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw);
    }

    private Account openAccount(int n, String primary) {
        Account account = Account.open(accountId(n), clock.instant());
        assertThat(accounts.open(account, email(primary), clock.instant())).isEqualTo(new LinkOutcome.Linked());
        return account;
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(accounts.find(accountId(1))).isEmpty();
    }

    @Test
    void open_freeAddress_storesAccountWithVerifiedPrimaryIdentity() {
        Instant now = clock.instant();

        LinkOutcome outcome = accounts.open(Account.open(accountId(1), now), email("Ada@Example.com"), now);

        assertThat(outcome).isEqualTo(new LinkOutcome.Linked());
        Account stored = accounts.find(accountId(1)).orElseThrow();
        assertThat(stored.id()).isEqualTo(accountId(1));
        assertThat(stored.createdAt()).isEqualTo(now);
        assertThat(stored.isDisabled()).isFalse();
        List<EmailIdentity> identities = accounts.identitiesOf(accountId(1));
        assertThat(identities).hasSize(1);
        EmailIdentity identity = identities.get(0);
        assertThat(identity.account()).isEqualTo(accountId(1));
        assertThat(identity.email().value()).isEqualTo("Ada@Example.com");
        assertThat(identity.primary()).isTrue();
        assertThat(identity.verifiedAt()).isEqualTo(now);
    }

    @Test
    void open_addressHeldByAnotherAccount_storesNothing() {
        openAccount(1, "ada@example.com");

        LinkOutcome outcome = accounts.open(Account.open(accountId(2), clock.instant()), email("ADA@example.COM"),
                clock.instant());

        assertThat(outcome).isEqualTo(new LinkOutcome.HeldByAnotherAccount());
        assertThat(accounts.find(accountId(2))).isEmpty();
        assertThat(accounts.identitiesOf(accountId(2))).isEmpty();
        assertThat(accounts.findByEmail(email("ada@example.com")).orElseThrow().id()).isEqualTo(accountId(1));
    }

    @Test
    void open_conflictInsideUnitOfWork_unitOfWorkStaysUsable() {
        LinkOutcome second = unitOfWork.inTransaction(() -> {
            openAccount(1, "ada@example.com");
            LinkOutcome outcome = accounts.open(Account.open(accountId(2), clock.instant()), email("ada@example.com"),
                    clock.instant());
            accounts.link(accountId(1), email("ada@work.example"), clock.instant());
            return outcome;
        });

        assertThat(second).isEqualTo(new LinkOutcome.HeldByAnotherAccount());
        assertThat(accounts.find(accountId(2))).isEmpty();
        assertThat(accounts.identitiesOf(accountId(1))).extracting(i -> i.email().value())
                .containsExactly("ada@example.com", "ada@work.example");
    }

    @Test
    void findByEmail_otherCaseOfHeldAddress_findsHolder() {
        openAccount(1, "Ada@Example.com");

        assertThat(accounts.findByEmail(email("ada@EXAMPLE.com")).orElseThrow().id()).isEqualTo(accountId(1));
    }

    @Test
    void holderOf_otherCaseOfHeldAddress_givesTheHolderAndTheSpellingFirstGiven() {
        openAccount(1, "Ada@Example.com");
        accounts.link(accountId(1), email("Ada@Work.example"), clock.instant());

        AddressHolder holder = accounts.holderOf(email("ADA@work.EXAMPLE")).orElseThrow();

        assertThat(holder.account().id()).isEqualTo(accountId(1));
        assertThat(holder.address().value()).isEqualTo("Ada@Work.example");
        assertThat(accounts.holderOf(email("bob@example.com"))).isEmpty();
    }

    @Test
    void findByEmail_unknownAddress_isEmpty() {
        openAccount(1, "ada@example.com");

        assertThat(accounts.findByEmail(email("bob@example.com"))).isEmpty();
    }

    @Test
    void link_freeAddress_addsVerifiedNonPrimaryIdentity() {
        openAccount(1, "ada@example.com");
        clock.advance(Duration.ofMinutes(5));

        LinkOutcome outcome = accounts.link(accountId(1), email("Ada@Work.example"), clock.instant());

        assertThat(outcome).isEqualTo(new LinkOutcome.Linked());
        EmailIdentity linked = accounts.identitiesOf(accountId(1)).get(1);
        assertThat(linked.email().value()).isEqualTo("Ada@Work.example");
        assertThat(linked.primary()).isFalse();
        assertThat(linked.verifiedAt()).isEqualTo(clock.instant());
        assertThat(accounts.findByEmail(email("ada@work.example")).orElseThrow().id()).isEqualTo(accountId(1));
    }

    @Test
    void link_addressAlreadyOnSameAccount_isAlreadyLinkedAndChangesNothing() {
        openAccount(1, "ada@example.com");
        List<EmailIdentity> before = accounts.identitiesOf(accountId(1));
        clock.advance(Duration.ofMinutes(5));

        LinkOutcome outcome = accounts.link(accountId(1), email("ADA@example.com"), clock.instant());

        assertThat(outcome).isEqualTo(new LinkOutcome.AlreadyLinked());
        assertThat(accounts.identitiesOf(accountId(1))).isEqualTo(before);
    }

    @Test
    void link_addressHeldByAnotherAccount_isHeldByAnotherAccountAndChangesNothing() {
        openAccount(1, "ada@example.com");
        openAccount(2, "bob@example.com");

        LinkOutcome outcome = accounts.link(accountId(2), email("Ada@example.com"), clock.instant());

        assertThat(outcome).isEqualTo(new LinkOutcome.HeldByAnotherAccount());
        assertThat(accounts.identitiesOf(accountId(2))).extracting(i -> i.email().value())
                .containsExactly("bob@example.com");
        assertThat(accounts.findByEmail(email("ada@example.com")).orElseThrow().id()).isEqualTo(accountId(1));
    }

    @Test
    void link_conflictInsideUnitOfWork_unitOfWorkStaysUsable() {
        openAccount(1, "ada@example.com");
        openAccount(2, "bob@example.com");

        List<LinkOutcome> outcomes = unitOfWork.inTransaction(() -> List.of(
                accounts.link(accountId(2), email("ada@example.com"), clock.instant()),
                accounts.link(accountId(2), email("bob@work.example"), clock.instant())));

        assertThat(outcomes).containsExactly(new LinkOutcome.HeldByAnotherAccount(), new LinkOutcome.Linked());
        assertThat(accounts.findByEmail(email("bob@work.example")).orElseThrow().id()).isEqualTo(accountId(2));
    }

    @Test
    void identitiesOf_severalIdentities_primaryFirstThenOldestFirst() {
        Instant start = clock.instant();
        accounts.open(Account.open(accountId(1), start), email("primary@example.com"), start.plusSeconds(600));
        accounts.link(accountId(1), email("second@example.com"), start.plusSeconds(120));
        accounts.link(accountId(1), email("first@example.com"), start.plusSeconds(60));
        accounts.link(accountId(1), email("third@example.com"), start.plusSeconds(180));

        assertThat(accounts.identitiesOf(accountId(1))).extracting(i -> i.email().value()).containsExactly(
                "primary@example.com", "first@example.com", "second@example.com", "third@example.com");
    }

    @Test
    void identitiesOf_unknownAccount_isEmpty() {
        assertThat(accounts.identitiesOf(accountId(9))).isEmpty();
    }

    @Test
    void primaryOf_accountWithSeveralIdentities_isItsPrimaryAsGiven() {
        Instant now = clock.instant();
        accounts.open(Account.open(accountId(1), now), email("Ada@Example.com"), now);
        accounts.link(accountId(1), email("ada@work.example"), now);
        openAccount(2, "bob@example.com");

        assertThat(accounts.primaryOf(accountId(1))).map(EmailAddress::value).contains("Ada@Example.com");
        assertThat(accounts.primaryOf(accountId(2))).map(EmailAddress::value).contains("bob@example.com");
    }

    @Test
    void primaryOf_afterMakePrimary_isTheNewPrimary() {
        Account account = openAccount(1, "ada@example.com");
        accounts.link(account.id(), email("work@example.org"), clock.instant());

        unitOfWork.inTransaction(() -> {
            accounts.findForUpdate(account.id());
            accounts.makePrimary(account.id(), email("work@example.org"));
            return null;
        });

        assertThat(accounts.primaryOf(account.id())).map(EmailAddress::value).contains("work@example.org");
    }

    @Test
    void primaryOf_unknownAccount_isEmpty() {
        assertThat(accounts.primaryOf(accountId(9))).isEmpty();
    }

    @Test
    void findForUpdate_insideUnitOfWork_returnsAccount() {
        openAccount(1, "ada@example.com");

        Account locked = unitOfWork.inTransaction(() -> accounts.findForUpdate(accountId(1)).orElseThrow());

        assertThat(locked.id()).isEqualTo(accountId(1));
    }

    @Test
    void findForUpdate_unknownId_isEmpty() {
        assertThat(unitOfWork.inTransaction(() -> accounts.findForUpdate(accountId(1)))).isEmpty();
    }

    @Test
    void setDisabled_existingAccount_disablesAndEnablesAgain() {
        openAccount(1, "ada@example.com");

        accounts.setDisabled(accountId(1), true);
        boolean disabled = accounts.find(accountId(1)).orElseThrow().isDisabled();
        accounts.setDisabled(accountId(1), false);

        assertThat(disabled).isTrue();
        assertThat(accounts.find(accountId(1)).orElseThrow().isDisabled()).isFalse();
    }

    @Test
    void setDisabled_unknownAccount_changesNothing() {
        accounts.setDisabled(accountId(1), true);

        assertThat(accounts.find(accountId(1))).isEmpty();
    }

    @Test
    void link_twoAccountsAtOnce_exactlyOneLinks() {
        openAccount(1, "ada@example.com");
        openAccount(2, "bob@example.com");
        List<AccountId> contenders = List.of(accountId(1), accountId(2));

        for (int round = 0; round < 5; round++) {
            EmailAddress shared = email("shared" + round + "@example.com");
            List<LinkOutcome> outcomes = Concurrently.run(2, i -> () -> unitOfWork.inTransaction(
                    () -> accounts.link(contenders.get(i), shared, clock.instant())));

            assertThat(outcomes).containsExactlyInAnyOrder(
                    new LinkOutcome.Linked(), new LinkOutcome.HeldByAnotherAccount());
            AccountId winner = contenders.get(outcomes.indexOf(new LinkOutcome.Linked()));
            assertThat(accounts.findByEmail(shared).orElseThrow().id()).isEqualTo(winner);
        }
    }

    @Test
    void open_twoAccountsWithOneAddressAtOnce_exactlyOneOpens() {
        EmailAddress shared = email("ada@example.com");

        List<LinkOutcome> outcomes = Concurrently.run(2, i -> () -> unitOfWork.inTransaction(
                () -> accounts.open(Account.open(accountId(i + 1), clock.instant()), shared, clock.instant())));

        assertThat(outcomes).containsExactlyInAnyOrder(new LinkOutcome.Linked(), new LinkOutcome.HeldByAnotherAccount());
        int loser = outcomes.indexOf(new LinkOutcome.HeldByAnotherAccount()) + 1;
        assertThat(accounts.find(accountId(loser))).isEmpty();
        assertThat(accounts.findByEmail(shared).orElseThrow().id()).isNotEqualTo(accountId(loser));
    }

    private List<String> primaries(AccountId account) {
        return accounts.identitiesOf(account).stream().filter(EmailIdentity::primary).map(i -> i.email().value()).toList();
    }

    @Test
    void makePrimary_verifiedIdentity_becomesTheOnePrimary_andTheOldOneAnOrdinaryIdentity() {
        Account account = openAccount(40, "home@example.com");
        accounts.link(account.id(), email("Work@example.org"), clock.instant());

        unitOfWork.inTransaction(() -> {
            accounts.makePrimary(account.id(), email("work@example.org"));
            return null;
        });

        assertThat(primaries(account.id())).containsExactly("Work@example.org");
        assertThat(accounts.identitiesOf(account.id())).hasSize(2);
    }

    @Test
    void makePrimary_concurrentlyAlternating_leavesExactlyOnePrimary() {
        Account account = openAccount(41, "home@example.com");
        accounts.link(account.id(), email("work@example.org"), clock.instant());

        Concurrently.run(8, i -> () -> unitOfWork.inTransaction(() -> {
            accounts.findForUpdate(account.id());
            accounts.makePrimary(account.id(), email(i % 2 == 0 ? "home@example.com" : "work@example.org"));
            return null;
        }));

        assertThat(primaries(account.id())).hasSize(1);
    }

    @Test
    void unlink_removesANonPrimaryIdentity_freeingTheAddress_butNeverThePrimary() {
        Account account = openAccount(42, "home@example.com");
        Account other = openAccount(43, "other@example.com");
        accounts.link(account.id(), email("work@example.org"), clock.instant());

        accounts.unlink(account.id(), email("home@example.com"));
        accounts.unlink(other.id(), email("work@example.org"));
        assertThat(accounts.identitiesOf(account.id())).hasSize(2);

        accounts.unlink(account.id(), email("WORK@example.org"));

        assertThat(accounts.identitiesOf(account.id())).extracting(i -> i.email().value()).containsExactly("home@example.com");
        assertThat(accounts.findByEmail(email("work@example.org"))).isEmpty();
        assertThat(accounts.link(other.id(), email("work@example.org"), clock.instant())).isEqualTo(new LinkOutcome.Linked());
    }
}
