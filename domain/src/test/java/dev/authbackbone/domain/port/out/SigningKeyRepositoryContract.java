package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.testing.Concurrently;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SigningKeyRepository} promises. Implementations extend this class and supply a
 * fresh, empty repository for each test.
 */
public abstract class SigningKeyRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Called before each test. */
    protected abstract SigningKeyRepository newRepository();

    private SigningKeyRepository keys;

    @BeforeEach
    void setUpRepository() {
        keys = newRepository();
    }

    private static SigningKey key(String kid, long generation, Instant at) {
        return SigningKey.issue(kid, generation, "RS256", ("private-" + kid).getBytes(StandardCharsets.UTF_8),
                ("public-" + kid).getBytes(StandardCharsets.UTF_8), at);
    }

    @Test
    void all_emptyRepository_hasNoCurrentKey() {
        assertThat(keys.all().current()).isEmpty();
        assertThat(keys.all().nextGeneration()).isEqualTo(1);
    }

    @Test
    void addIfNextGeneration_firstKey_comesBackWithEveryFieldAndSigns() {
        SigningKey first = key("k1", 1, T0);

        assertThat(keys.addIfNextGeneration(first)).isTrue();

        assertThat(keys.all().keys()).containsExactly(first);
        assertThat(keys.all().current()).contains(first);
    }

    @Test
    void addIfNextGeneration_nextKey_retiresTheOlderAtItsCreation() {
        keys.addIfNextGeneration(key("k1", 1, T0));
        Instant later = T0.plus(Duration.ofDays(30));

        assertThat(keys.addIfNextGeneration(key("k2", 2, later))).isTrue();

        assertThat(keys.all().current().orElseThrow().kid()).isEqualTo("k2");
        assertThat(keys.all().byKid("k1").orElseThrow().retiredAt()).contains(later);
        assertThat(keys.all().byKid("k2").orElseThrow().retiredAt()).isEmpty();
    }

    @Test
    void addIfNextGeneration_generationTaken_changesNothing() {
        keys.addIfNextGeneration(key("k1", 1, T0));

        assertThat(keys.addIfNextGeneration(key("other", 1, T0.plusSeconds(5)))).isFalse();

        assertThat(keys.all().keys()).extracting(SigningKey::kid).containsExactly("k1");
        assertThat(keys.all().byKid("k1").orElseThrow().retiredAt()).isEmpty();
    }

    @Test
    void addIfNextGeneration_eightAtOnceForOneGeneration_exactlyOneWins() {
        keys.addIfNextGeneration(key("k1", 1, T0));

        List<Boolean> added = Concurrently.run(8, i -> () -> keys.addIfNextGeneration(key("race-" + i, 2, T0.plusSeconds(60))));

        assertThat(added).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(keys.all().keys()).hasSize(2);
        assertThat(keys.all().keys()).filteredOn(k -> k.retiredAt().isEmpty()).hasSize(1);
    }

    @Test
    void deleteRetiredBefore_removesOnlyKeysRetiredBeforeTheCutoff() {
        keys.addIfNextGeneration(key("k1", 1, T0));
        keys.addIfNextGeneration(key("k2", 2, T0.plusSeconds(100)));
        keys.addIfNextGeneration(key("k3", 3, T0.plusSeconds(200)));

        assertThat(keys.deleteRetiredBefore(T0.plusSeconds(150))).isEqualTo(1);

        assertThat(keys.all().keys()).extracting(SigningKey::kid).containsExactly("k3", "k2");
        assertThat(keys.all().byKid("k2").orElseThrow().retiredAt()).contains(T0.plusSeconds(200));
    }

    @Test
    void published_keepsARetiredKeyForTheGraceOnly() {
        keys.addIfNextGeneration(key("k1", 1, T0));
        keys.addIfNextGeneration(key("k2", 2, T0.plusSeconds(100)));
        Duration grace = Duration.ofSeconds(60);

        assertThat(keys.all().published(T0.plusSeconds(159), grace)).extracting(SigningKey::kid).containsExactly("k2", "k1");
        assertThat(keys.all().published(T0.plusSeconds(160), grace)).extracting(SigningKey::kid).containsExactly("k2");
        assertThat(keys.all().byKid("k1").map(SigningKey::retiredAt)).contains(Optional.of(T0.plusSeconds(100)));
    }
}
