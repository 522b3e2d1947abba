package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.CodeHash;
import dev.authbackbone.domain.token.CodeKey;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailTokenRepository} promises. Implementations extend this class and supply a
 * fresh, empty fixture for each test.
 */
public abstract class EmailTokenRepositoryContract {

    private static final Duration DAY = Duration.ofHours(24);
    private static final AccountId ADA = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000002L));

    /** A repository with nothing stored, the unit of work it takes part in, and the test's clock. */
    public record Fixture(EmailTokenRepository tokens, UnitOfWork unitOfWork, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private EmailTokenRepository tokens;
    private UnitOfWork unitOfWork;
    private MutableClock clock;
    private final SeededRandomSource random = new SeededRandomSource(7);

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        tokens = fixture.tokens();
        unitOfWork = fixture.unitOfWork();
        clock = fixture.clock();
    }

    private EmailToken confirmation(AccountId account, String email, Duration ttl) {
        return EmailToken.issue(OneTimeToken.generate(random), EmailPurpose.EMAIL_CONFIRMATION, Optional.of(account),
                EmailAddress.parse(email), clock.instant(), ttl);
    }

    private EmailToken signIn(String email) {
        return EmailToken.issue(OneTimeToken.generate(random), EmailPurpose.SIGN_IN, Optional.empty(),
                EmailAddress.parse(email), clock.instant(), Duration.ofMinutes(15));
    }

    private EmailToken saved(EmailToken token) {
        tokens.save(token);
        return token;
    }

    private boolean usable(EmailToken token) {
        return tokens.consume(token.hash(), token.purpose(), clock.instant()).isPresent();
    }

    @Test
    void consume_usableToken_returnsItUsedAtNow() {
        EmailToken token = saved(confirmation(ADA, "Ada@Example.com", DAY));
        clock.advance(Duration.ofMinutes(3));

        EmailToken consumed = tokens.consume(token.hash(), EmailPurpose.EMAIL_CONFIRMATION, clock.instant())
                .orElseThrow();

        assertThat(consumed.hash()).isEqualTo(token.hash());
        assertThat(consumed.purpose()).isEqualTo(EmailPurpose.EMAIL_CONFIRMATION);
        assertThat(consumed.account()).contains(ADA);
        assertThat(consumed.email().value()).isEqualTo("Ada@Example.com");
        assertThat(consumed.issuedAt()).isEqualTo(token.issuedAt());
        assertThat(consumed.expiresAt()).isEqualTo(token.expiresAt());
        assertThat(consumed.consumedAt()).contains(clock.instant());
    }

    @Test
    void consume_signInToken_returnsItWithoutAccount() {
        EmailToken token = saved(signIn("ada@example.com"));

        EmailToken consumed = tokens.consume(token.hash(), EmailPurpose.SIGN_IN, clock.instant()).orElseThrow();

        assertThat(consumed.account()).isEmpty();
        assertThat(consumed.purpose()).isEqualTo(EmailPurpose.SIGN_IN);
    }

    @Test
    void consume_secondTime_isEmpty() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));
        tokens.consume(token.hash(), EmailPurpose.EMAIL_CONFIRMATION, clock.instant());
        clock.advance(Duration.ofSeconds(1));

        assertThat(tokens.consume(token.hash(), EmailPurpose.EMAIL_CONFIRMATION, clock.instant())).isEmpty();
    }

    @Test
    void consume_otherPurpose_isEmptyAndTokenStaysUsable() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));

        assertThat(tokens.consume(token.hash(), EmailPurpose.SIGN_IN, clock.instant())).isEmpty();
        assertThat(usable(token)).isTrue();
    }

    @Test
    void consume_afterExpiry_isEmpty() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));
        clock.advance(DAY.plusSeconds(1));

        assertThat(usable(token)).isFalse();
    }

    @Test
    void consume_atExactExpiry_isEmpty() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));
        clock.set(token.expiresAt());

        assertThat(usable(token)).isFalse();
    }

    @Test
    void consume_justBeforeExpiry_returnsToken() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));
        clock.set(token.expiresAt().minusMillis(1));

        assertThat(usable(token)).isTrue();
    }

    @Test
    void consume_unknownHash_isEmpty() {
        EmailToken never = confirmation(ADA, "ada@example.com", DAY);

        assertThat(usable(never)).isFalse();
    }

    @Test
    void save_hashAlreadyStored_throwsIllegalStateException() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));

        assertThatThrownBy(() -> tokens.save(token)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void save_duplicateInsideUnitOfWork_unitOfWorkStaysUsable() {
        EmailToken first = confirmation(ADA, "ada@example.com", DAY);
        EmailToken second = confirmation(ADA, "ada@work.example", DAY);

        unitOfWork.inTransaction(() -> {
            tokens.save(first);
            assertThatThrownBy(() -> tokens.save(first)).isInstanceOf(IllegalStateException.class);
            tokens.save(second);
            return null;
        });

        assertThat(usable(first)).isTrue();
        assertThat(usable(second)).isTrue();
    }

    @Test
    void find_storedToken_returnsItAsStoredUsedOrNot() {
        EmailToken token = saved(confirmation(ADA, "Ada@Example.com", DAY));
        assertThat(tokens.find(token.hash())).get().usingRecursiveComparison().isEqualTo(token);
        clock.advance(Duration.ofMinutes(1));
        tokens.consume(token.hash(), EmailPurpose.EMAIL_CONFIRMATION, clock.instant()).orElseThrow();

        EmailToken found = tokens.find(token.hash()).orElseThrow();
        assertThat(found.consumedAt()).contains(clock.instant());
        assertThat(found.account()).contains(ADA);
        assertThat(found.email().value()).isEqualTo("Ada@Example.com");
        assertThat(found.expiresAt()).isEqualTo(token.expiresAt());
    }

    @Test
    void find_unknownOrDeletedHash_isEmpty() {
        EmailToken token = saved(signIn("ada@example.com"));
        tokens.delete(token.hash());

        assertThat(tokens.find(token.hash())).isEmpty();
        assertThat(tokens.find(signIn("bob@example.com").hash())).isEmpty();
    }

    @Test
    void revokeOutstanding_address_makesItsTokensOfEveryPurposeUnusable() {
        EmailToken confirmation = saved(confirmation(ADA, "ada@example.com", DAY));
        EmailToken signIn = saved(signIn("ADA@Example.com"));
        EmailToken otherAddress = saved(confirmation(ADA, "ada@work.example", DAY));
        clock.advance(Duration.ofMinutes(1));

        tokens.revokeOutstanding(EmailAddress.parse("Ada@example.COM"), ADA, clock.instant());

        assertThat(usable(confirmation)).isFalse();
        assertThat(usable(signIn)).isFalse();
        assertThat(usable(otherAddress)).isTrue();
    }

    @Test
    void revokePendingConfirmations_placeholder_isNoLongerListed() {
        EmailToken placeholder = confirmation(ADA, "taken@example.com", DAY).asPlaceholderAt(clock.instant());
        tokens.save(placeholder);
        clock.advance(Duration.ofMinutes(1));

        tokens.revokePendingConfirmations(ADA, EmailAddress.parse("taken@example.com"), clock.instant());

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).isEmpty();
        assertThat(usable(placeholder)).isFalse();
    }

    @Test
    void revokePendingConfirmations_onlyThatAccountsConfirmationsOfThatAddress_stopWorking() {
        EmailToken mine = saved(confirmation(ADA, "ada@example.com", DAY));
        EmailToken theirs = saved(confirmation(BOB, "ada@example.com", DAY));
        EmailToken signIn = saved(signIn("ada@example.com"));
        EmailToken otherAddress = saved(confirmation(ADA, "ada@work.example", DAY));
        clock.advance(Duration.ofMinutes(1));

        tokens.revokePendingConfirmations(ADA, EmailAddress.parse("ADA@example.com"), clock.instant());

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(otherAddress.hash());
        assertThat(usable(mine)).isFalse();
        assertThat(usable(theirs)).isTrue();
        assertThat(usable(signIn)).isTrue();
        assertThat(usable(otherAddress)).isTrue();
    }

    @Test
    void revokeOutstanding_address_removesItFromPendingConfirmations() {
        saved(confirmation(ADA, "ada@example.com", DAY));
        EmailToken other = saved(confirmation(ADA, "ada@work.example", DAY));

        tokens.revokeOutstanding(EmailAddress.parse("ada@example.com"), ADA, clock.instant());

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(other.hash());
    }

    @Test
    void revokeOutstanding_anotherAccountsConfirmation_staysListedButUnusableUntilItExpires() {
        EmailToken bobs = saved(confirmation(BOB, "ada@example.com", DAY));
        EmailToken signIn = saved(signIn("ada@example.com"));
        clock.advance(Duration.ofMinutes(1));

        tokens.revokeOutstanding(EmailAddress.parse("ada@example.com"), ADA, clock.instant());

        assertThat(usable(bobs)).isFalse();
        assertThat(tokens.pendingConfirmations(BOB, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(bobs.hash());
        assertThat(tokens.find(signIn.hash())).get().extracting(EmailToken::isPlaceholder).isEqualTo(false);
        clock.advance(DAY);
        assertThat(tokens.pendingConfirmations(BOB, clock.instant())).isEmpty();
    }

    @Test
    void delete_storedToken_makesItUnknown() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));

        tokens.delete(token.hash());

        assertThat(usable(token)).isFalse();
        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).isEmpty();
    }

    @Test
    void pendingConfirmations_account_listsItsUsableConfirmationsNewestFirst() {
        EmailToken oldest = saved(confirmation(ADA, "one@example.com", DAY));
        clock.advance(Duration.ofMinutes(1));
        EmailToken newer = saved(confirmation(ADA, "two@example.com", DAY));
        clock.advance(Duration.ofMinutes(1));
        EmailToken used = saved(confirmation(ADA, "three@example.com", DAY));
        usable(used);
        clock.advance(Duration.ofMinutes(1));
        saved(confirmation(ADA, "four@example.com", Duration.ofMinutes(5)));
        saved(signIn("five@example.com"));
        saved(confirmation(BOB, "six@example.com", DAY));
        clock.advance(Duration.ofMinutes(10));

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(newer.hash(), oldest.hash());
    }

    @Test
    void save_placeholder_isListedAsPendingUntilItExpiresButNeverConsumed() {
        EmailToken placeholder = confirmation(ADA, "taken@example.com", DAY).asPlaceholderAt(clock.instant());
        tokens.save(placeholder);

        assertThat(tokens.find(placeholder.hash())).get().satisfies(stored -> {
            assertThat(stored.isPlaceholder()).isTrue();
            assertThat(stored.consumedAt()).contains(clock.instant());
        });
        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(placeholder.hash());
        assertThat(usable(placeholder)).isFalse();
        clock.advance(DAY);
        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).isEmpty();
    }

    @Test
    void purgeSpentBefore_placeholder_isKeptUntilItExpires() {
        Instant start = clock.instant();
        EmailToken placeholder = confirmation(ADA, "taken@example.com", DAY).asPlaceholderAt(start);
        tokens.save(placeholder);

        assertThat(tokens.purgeSpentBefore(start.plus(Duration.ofHours(2)))).isZero();
        assertThat(tokens.find(placeholder.hash())).isPresent();
        assertThat(tokens.purgeSpentBefore(start.plus(DAY))).isEqualTo(1);
    }

    @Test
    void pendingSpelling_isHowTheAccountsOldestPendingConfirmationOfTheAddressSpellsIt() {
        saved(confirmation(ADA, "Mixed.Case@Example.com", DAY));
        clock.advance(Duration.ofMinutes(1));
        saved(confirmation(ADA, "MIXED.CASE@EXAMPLE.COM", DAY));
        saved(confirmation(BOB, "mixed.case@example.com", DAY));
        EmailAddress asked = EmailAddress.parse("mixed.case@example.COM");

        assertThat(tokens.pendingSpelling(ADA, asked, clock.instant())).get().extracting(EmailAddress::value)
                .isEqualTo("Mixed.Case@Example.com");
        assertThat(tokens.pendingSpelling(BOB, asked, clock.instant())).get().extracting(EmailAddress::value)
                .isEqualTo("mixed.case@example.com");
        assertThat(tokens.pendingSpelling(ADA, EmailAddress.parse("other@example.com"), clock.instant())).isEmpty();
        assertThat(tokens.pendingSpelling(ADA, asked, clock.instant().plus(DAY))).as("expired").isEmpty();
    }

    @Test
    void revokeAllPendingConfirmations_withdrawsEveryAddressTheAccountAsked_andNoOtherAccountsOrSignIns() {
        EmailToken one = saved(confirmation(ADA, "one@example.com", DAY));
        EmailToken placeholder = confirmation(ADA, "taken@example.com", DAY).asPlaceholderAt(clock.instant());
        tokens.save(placeholder);
        EmailToken bobs = saved(confirmation(BOB, "bob.two@example.com", DAY));
        EmailToken signIn = saved(signIn("one@example.com"));

        tokens.revokeAllPendingConfirmations(ADA, clock.instant());

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).isEmpty();
        assertThat(usable(one)).isFalse();
        assertThat(tokens.pendingConfirmations(BOB, clock.instant())).extracting(EmailToken::hash).containsExactly(bobs.hash());
        assertThat(usable(signIn)).isTrue();
    }

    @Test
    void pendingConfirmations_accountWithoutTokens_isEmpty() {
        saved(confirmation(BOB, "bob@example.com", DAY));

        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).isEmpty();
    }

    @Test
    void purgeSpentBefore_cutoff_deletesTokensExpiredOrUsedBeforeIt() {
        Instant start = clock.instant();
        saved(confirmation(ADA, "expired@example.com", Duration.ofHours(1)));
        EmailToken usedEarly = saved(confirmation(ADA, "used-early@example.com", DAY));
        EmailToken usedLate = saved(confirmation(ADA, "used-late@example.com", DAY));
        EmailToken live = saved(confirmation(ADA, "live@example.com", DAY));
        clock.set(start.plus(Duration.ofMinutes(30)));
        usable(usedEarly);
        clock.set(start.plus(Duration.ofHours(3)));
        usable(usedLate);

        int purged = tokens.purgeSpentBefore(start.plus(Duration.ofHours(2)));

        assertThat(purged).isEqualTo(2);
        assertThat(tokens.purgeSpentBefore(start.plus(Duration.ofHours(2)))).isZero();
        assertThat(tokens.pendingConfirmations(ADA, clock.instant())).extracting(EmailToken::hash)
                .containsExactly(live.hash());
    }

    @Test
    void consume_twentyConsumersAtOnceInUnitsOfWork_exactlyOneWins() {
        EmailToken token = saved(confirmation(ADA, "ada@example.com", DAY));

        List<Boolean> wins = Concurrently.run(20, i -> () -> unitOfWork.inTransaction(
                () -> tokens.consume(token.hash(), EmailPurpose.EMAIL_CONFIRMATION, clock.instant()).isPresent()));

        assertThat(wins).filteredOn(won -> won).hasSize(1);
    }

    @Test
    void consume_twentyConsumersAtOnceWithoutUnitOfWork_exactlyOneWins() {
        EmailToken token = saved(signIn("ada@example.com"));

        List<Boolean> wins = Concurrently.run(20,
                i -> () -> tokens.consume(token.hash(), EmailPurpose.SIGN_IN, clock.instant()).isPresent());

        assertThat(wins).filteredOn(won -> won).hasSize(1);
    }

    private EmailToken withCode(EmailPurpose purpose, Optional<AccountId> account, String email, Duration ttl) {
        EmailAddress address = EmailAddress.parse(email);
        CodeHash code = OneTimeCode.generate(random).hashFor(address, CodeKey.NONE, random);
        return EmailToken.issue(OneTimeToken.generate(random), code, purpose, account, address, clock.instant(), ttl);
    }

    private List<EmailToken> checkable(EmailPurpose purpose, Optional<AccountId> requester, String email) {
        return tokens.withCheckableCode(EmailAddress.parse(email), purpose, requester, clock.instant());
    }

    @Test
    void save_tokenWithCode_keepsTheCodeHashAndNoChecks() {
        EmailToken token = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));

        EmailToken found = tokens.find(token.hash()).orElseThrow();

        assertThat(found.code()).isEqualTo(token.code()).isPresent();
        assertThat(found.codeChecks()).isZero();
    }

    @Test
    void withCheckableCode_signIn_listsTheAddressesUnexpiredMailsWithCodeNewestFirst() {
        EmailToken older = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "Ada@Example.com", DAY));
        clock.advance(Duration.ofSeconds(1));
        EmailToken newer = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));
        saved(signIn("ada@example.com"));
        saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "bob@example.com", DAY));
        saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "ada@example.com", DAY));
        saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));

        assertThat(checkable(EmailPurpose.SIGN_IN, Optional.empty(), "ADA@example.com")).extracting(EmailToken::hash)
                .containsExactly(newer.hash(), older.hash());
    }

    @Test
    void withCheckableCode_confirmation_listsOnlyTheRequestersMails() {
        EmailToken adas = saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "carol@example.com", DAY));
        saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(BOB), "carol@example.com", DAY));

        assertThat(checkable(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "carol@example.com"))
                .extracting(EmailToken::hash).containsExactly(adas.hash());
        assertThat(checkable(EmailPurpose.EMAIL_CONFIRMATION, Optional.empty(), "carol@example.com")).isEmpty();
    }

    @Test
    void withCheckableCode_manyMails_returnsTheNewestFew() {
        for (int i = 0; i < EmailTokenRepository.CODE_CANDIDATES + 2; i++) {
            saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(checkable(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com"))
                .hasSize(EmailTokenRepository.CODE_CANDIDATES);
    }

    @Test
    void retireUncheckable_moreMailsThanAreChecked_spendsTheOlderOnesOnly() {
        List<EmailToken> mails = new ArrayList<>();
        for (int i = 0; i < EmailTokenRepository.CODE_CANDIDATES + 2; i++) {
            mails.add(saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY)));
            clock.advance(Duration.ofSeconds(1));
        }
        EmailToken othersAddress = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "bob@example.com", DAY));
        EmailToken confirmation = saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "ada@example.com", DAY));

        tokens.retireUncheckable(EmailAddress.parse("Ada@Example.com"), EmailPurpose.SIGN_IN, Optional.empty(), clock.instant());

        assertThat(mails.subList(0, 2)).allSatisfy(old -> {
            assertThat(usable(old)).isFalse();
            assertThat(tokens.find(old.hash()).orElseThrow().consumedAt()).contains(clock.instant());
        });
        assertThat(mails.subList(2, mails.size())).allSatisfy(newer -> assertThat(usable(newer)).isTrue());
        assertThat(checkable(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com")).extracting(EmailToken::hash)
                .containsExactlyInAnyOrderElementsOf(mails.subList(2, mails.size()).stream().map(EmailToken::hash).toList());
        assertThat(usable(othersAddress)).isTrue();
        assertThat(usable(confirmation)).isTrue();
    }

    @Test
    void retireUncheckable_confirmations_countsOnlyTheRequestersMails() {
        List<EmailToken> adas = new ArrayList<>();
        for (int i = 0; i < EmailTokenRepository.CODE_CANDIDATES; i++) {
            adas.add(saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "carol@example.com", DAY)));
            clock.advance(Duration.ofSeconds(1));
        }
        List<EmailToken> bobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            bobs.add(saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(BOB), "carol@example.com", DAY)));
            clock.advance(Duration.ofSeconds(1));
        }

        tokens.retireUncheckable(EmailAddress.parse("carol@example.com"), EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA),
                clock.instant());
        tokens.retireUncheckable(EmailAddress.parse("carol@example.com"), EmailPurpose.EMAIL_CONFIRMATION, Optional.of(BOB),
                clock.instant());

        assertThat(adas).allSatisfy(mail -> assertThat(usable(mail)).isTrue());
        assertThat(bobs).allSatisfy(mail -> assertThat(usable(mail)).isTrue());
    }

    @Test
    void retireUncheckable_aNewerMailsChecksUsedUp_keepsTheOlderOnesItMadeRoomFor() {
        List<EmailToken> mails = new ArrayList<>();
        for (int i = 0; i < EmailTokenRepository.CODE_CANDIDATES + 1; i++) {
            mails.add(saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY)));
            clock.advance(Duration.ofSeconds(1));
        }
        EmailToken newest = mails.get(mails.size() - 1);
        for (int check = 0; check < EmailToken.MAX_CODE_CHECKS; check++) {
            tokens.claimCodeCheck(newest.hash(), clock.instant());
        }

        tokens.retireUncheckable(EmailAddress.parse("ada@example.com"), EmailPurpose.SIGN_IN, Optional.empty(), clock.instant());

        assertThat(mails.subList(0, mails.size() - 1)).allSatisfy(mail -> assertThat(usable(mail)).isTrue());
    }

    @Test
    void claimCodeCheck_fiveTimes_countsThemThenRefusesAndTheLinkIsDeadToo() {
        EmailToken token = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));

        for (int check = 1; check <= EmailToken.MAX_CODE_CHECKS; check++) {
            assertThat(tokens.claimCodeCheck(token.hash(), clock.instant())).map(EmailToken::codeChecks).contains(check);
        }

        assertThat(tokens.claimCodeCheck(token.hash(), clock.instant())).isEmpty();
        assertThat(checkable(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com")).isEmpty();
        assertThat(usable(token)).isFalse();
        assertThat(tokens.find(token.hash()).orElseThrow().consumedAt()).isEmpty();
    }

    @Test
    void claimCodeCheck_tokenWithoutCodeOrExpired_isEmpty() {
        EmailToken noCode = saved(signIn("ada@example.com"));
        EmailToken expiring = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));

        assertThat(tokens.claimCodeCheck(noCode.hash(), clock.instant())).isEmpty();
        assertThat(tokens.claimCodeCheck(expiring.hash(), clock.instant())).isEmpty();
    }

    @Test
    void consumeByCode_afterTheLastCheck_spendsTheLinkToo() {
        EmailToken token = saved(withCode(EmailPurpose.EMAIL_CONFIRMATION, Optional.of(ADA), "ada@example.com", DAY));
        for (int check = 1; check <= EmailToken.MAX_CODE_CHECKS; check++) {
            tokens.claimCodeCheck(token.hash(), clock.instant());
        }

        assertThat(tokens.consumeByCode(token.hash(), clock.instant())).map(EmailToken::consumedAt)
                .contains(Optional.of(clock.instant()));
        assertThat(tokens.consumeByCode(token.hash(), clock.instant())).isEmpty();
        assertThat(usable(token)).isFalse();
    }

    @Test
    void consume_byLink_spendsTheCodeToo() {
        EmailToken token = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));

        assertThat(usable(token)).isTrue();

        assertThat(tokens.consumeByCode(token.hash(), clock.instant())).isEmpty();
    }

    @Test
    void claimCodeCheck_twentyClaimantsAtOnceInUnitsOfWork_exactlyFiveSucceed() {
        EmailToken token = saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY));

        List<Boolean> claimed = Concurrently.run(20, i -> () -> unitOfWork.inTransaction(
                () -> tokens.claimCodeCheck(token.hash(), clock.instant()).isPresent()));

        assertThat(claimed).filteredOn(won -> won).hasSize(EmailToken.MAX_CODE_CHECKS);
        assertThat(tokens.find(token.hash()).orElseThrow().codeChecks()).isEqualTo(EmailToken.MAX_CODE_CHECKS);
    }

    /**
     * A wrong code being checked holds the older mails it was compared with until its unit of work
     * ends; a newer mail's retirement skipped them and left one usable outside the checked ones (an
     * outside probe). It now waits for them.
     */
    @Test
    void retireUncheckable_anOlderMailHeldByACodeCheck_isRetiredOnceTheCheckEnds() throws Exception {
        List<EmailToken> mails = new ArrayList<>();
        for (int i = 0; i < EmailTokenRepository.CODE_CANDIDATES + 1; i++) {
            mails.add(saved(withCode(EmailPurpose.SIGN_IN, Optional.empty(), "ada@example.com", DAY)));
            clock.advance(Duration.ofSeconds(1));
        }
        EmailToken oldest = mails.get(0);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread checking = new Thread(() -> unitOfWork.inTransaction(() -> {
            tokens.claimCodeCheck(oldest.hash(), clock.instant());
            held.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        checking.start();
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        Thread retiring = new Thread(() -> tokens.retireUncheckable(EmailAddress.parse("ada@example.com"), EmailPurpose.SIGN_IN,
                Optional.empty(), clock.instant()));
        retiring.start();
        retiring.join(300);
        release.countDown();
        checking.join(10_000);
        retiring.join(10_000);

        assertThat(retiring.isAlive()).isFalse();
        assertThat(usable(oldest)).isFalse();
        assertThat(mails.subList(1, mails.size())).allSatisfy(newer -> assertThat(usable(newer)).isTrue());
    }
}
