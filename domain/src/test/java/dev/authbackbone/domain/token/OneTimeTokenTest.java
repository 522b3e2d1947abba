package dev.authbackbone.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.SeededRandomSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneTimeTokenTest {

    private final SeededRandomSource random = new SeededRandomSource(7);

    @Test
    void generate_gives256UrlSafeBitsAndRedactsItself() {
        OneTimeToken token = OneTimeToken.generate(random);

        assertThat(token.reveal()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.toString()).doesNotContain(token.reveal());
        assertThat(OneTimeToken.parse(token.reveal())).contains(token);
        assertThat(token.hash().hex()).hasSize(64).isNotEqualTo(token.reveal());
    }

    @Test
    void parse_anythingElse_isEmpty() {
        assertThat(OneTimeToken.parse(null)).isEmpty();
        assertThat(OneTimeToken.parse("")).isEmpty();
        assertThat(OneTimeToken.parse("A".repeat(42))).isEmpty();
        assertThat(OneTimeToken.parse("A".repeat(44))).isEmpty();
        assertThat(OneTimeToken.parse("A".repeat(42) + "=")).isEmpty();
        assertThat(OneTimeToken.parse("A".repeat(42) + "\n")).isEmpty();
    }

    @Test
    void emailToken_isUsableOnceBeforeItExpires() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        EmailToken token = EmailToken.issue(OneTimeToken.generate(random), EmailPurpose.EMAIL_CONFIRMATION,
                Optional.of(AccountId.generate(random)), EmailAddress.parse("a@example.com"), now, Duration.ofHours(24));

        assertThat(token.isUsableAt(now.plus(Duration.ofHours(24)).minusNanos(1))).isTrue();
        assertThat(token.isUsableAt(now.plus(Duration.ofHours(24)))).isFalse();
        EmailToken used = token.consumeAt(now).orElseThrow();
        assertThat(used.isUsableAt(now)).isFalse();
        assertThat(used.consumeAt(now)).isEmpty();
    }
}
