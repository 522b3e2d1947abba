package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The database and purge settings: defaults, parsing, refusals, and how they are shown at start-up. */
class StorageConfigurationTest {

    @Test
    void defaults_connectTimeoutFiveSecondsPurgeEveryTenMinutes() {
        Configuration config = Configuration.load(Map.of());

        assertThat(config.persistence().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.persistence().purgeInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.describe()).contains("AUTH_DB_CONNECT_TIMEOUT=5s", "AUTH_PURGE_INTERVAL=10m");
    }

    @Test
    void givenValues_areUsedAndAreNotUnknown() {
        Configuration config = Configuration.load(Map.of("AUTH_DB_CONNECT_TIMEOUT", "1500ms", "AUTH_PURGE_INTERVAL", "1h",
                "AUTH_DB_URL", "jdbc:postgresql://db:5432/auth?user=auth&password=secret", "AUTH_DB_POOL_SIZE", "20"));

        assertThat(config.persistence().connectTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.persistence().purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(config.persistence().poolSize()).isEqualTo(20);
        assertThat(config.unknownVariables()).isEmpty();
    }

    @Test
    void postgresUrl_getsNoDefaultUser_andItsPasswordIsMaskedInTheStartUpBlock() {
        Configuration postgres = Configuration.load(Map.of(
                "AUTH_DB_URL", "jdbc:postgresql://db:5432/auth?user=auth&password=s3cret&sslmode=require"));
        Configuration h2 = Configuration.load(Map.of());

        assertThat(postgres.persistence().user()).isNull();
        assertThat(postgres.persistence().password()).isNull();
        assertThat(postgres.describe()).contains("AUTH_DB_URL=jdbc:postgresql://db:5432/auth?user=auth&password=***&sslmode=require")
                .contains("AUTH_DB_USER=-").doesNotContain("s3cret");
        assertThat(h2.persistence().user()).isEqualTo("sa");
        assertThat(h2.persistence().password()).isEmpty();
        assertThat(Configuration.withoutPassword("jdbc:h2:file:/d/x;PASSWORD=abc;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/d/x;PASSWORD=***;MODE=PostgreSQL");
    }

    @Test
    void tooShortOrUnreadableValues_stopTheStartWithOneLine() {
        assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_DB_CONNECT_TIMEOUT", "100ms")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("AUTH_DB_CONNECT_TIMEOUT: cannot use \"100ms\"; expected a duration of 1 to 9 digits and a"
                        + " unit (ms, s, m, h or d), greater than zero, such as 30s, 15m, 1h or 7d, and at least 250ms");
        assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_PURGE_INTERVAL", "often")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("AUTH_PURGE_INTERVAL: cannot use \"often\"");
        assertThatThrownBy(() -> Configuration.load(Map.of("AUTH_PURGE_INTERVAL", "500ms")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith("and at least 1s");
    }
}
