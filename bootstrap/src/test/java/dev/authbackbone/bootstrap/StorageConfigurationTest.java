package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        refused(Map.of("AUTH_DB_CONNECT_TIMEOUT", "100ms"))
                .hasMessage("AUTH_DB_CONNECT_TIMEOUT: cannot use \"100ms\"; expected a duration of 1 to 9 digits and a"
                        + " unit (ms, s, m, h or d), greater than zero, such as 30s, 15m, 1h or 7d, and at least 250ms");
        refused(Map.of("AUTH_PURGE_INTERVAL", "often"))
                .hasMessageStartingWith("AUTH_PURGE_INTERVAL: cannot use \"often\"");
        refused(Map.of("AUTH_PURGE_INTERVAL", "500ms"))
                .hasMessageEndingWith("and at least 1s");
    }

    /** Values that used to get past the configuration and fail later with a line that named no variable. */
    @Test
    void valuesRefusedLaterOnce_areRefusedAtTheStart_namingTheVariableAndTheValueAsGiven() {
        refused(Map.of("AUTH_DB_URL", "jdbc:mysql://db/auth?password=secret"))
                .hasMessageStartingWith("AUTH_DB_URL: cannot use \"jdbc:mysql://db/auth?password=***\"; expected a PostgreSQL URL");
        refused(Map.of("AUTH_HTTP_READ_TIMEOUT", "999999999d"))
                .hasMessageStartingWith("AUTH_HTTP_READ_TIMEOUT: cannot use \"999999999d\"").hasMessageEndingWith("at most 3650d");
        refused(Map.of("AUTH_SMTP_TIMEOUT", "30d"))
                .hasMessage("AUTH_SMTP_TIMEOUT: cannot use \"30d\"; expected a duration of at most 1h");
        refused(Map.of("AUTH_SMTP_HOST", "bad host name!"))
                .hasMessageStartingWith("AUTH_SMTP_HOST: cannot use \"bad host name!\"");
        refused(Map.of("AUTH_SMTP_HOST", "smtp.example.com", "AUTH_SMTP_USERNAME", "u"))
                .hasMessageStartingWith("AUTH_SMTP_USERNAME and AUTH_SMTP_PASSWORD: only one is set");
        refused(Map.of("AUTH_SMTP_PORT", "abc")).as("without AUTH_SMTP_HOST too")
                .hasMessageStartingWith("AUTH_SMTP_PORT: cannot use \"abc\"");
        refused(Map.of("AUTH_MAIL_FROM", "not an address"))
                .hasMessageStartingWith("AUTH_MAIL_FROM: cannot use \"not an address\"; expected one address");
        refused(Map.of("AUTH_SMTP_TRANSPORT", "tls"))
                .hasMessageStartingWith("AUTH_SMTP_TRANSPORT: cannot use \"tls\"");
    }

    /** Whole numbers are ASCII digits, as durations and limits are: parseInt alone took "+18310" and "１８３１０". */
    @Test
    void wholeNumbers_withASignOrDigitsOfAnotherScript_areRefused() {
        refused(Map.of("AUTH_HTTP_PORT", "+18310"))
                .hasMessage("AUTH_HTTP_PORT: cannot use \"+18310\"; expected a whole number from 0 to 65535");
        refused(Map.of("AUTH_HTTP_PORT", "\uff11\uff18\uff13\uff11\uff10"))
                .hasMessageStartingWith("AUTH_HTTP_PORT: cannot use");
        refused(Map.of("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "\u0666\u0664"))
                .hasMessageStartingWith("AUTH_HTTP_MAX_CONNECTIONS_PER_IP: cannot use");
        assertThat(Configuration.load(Map.of("AUTH_DB_POOL_SIZE", "12")).persistence().poolSize()).isEqualTo(12);
    }

    @Test
    void dataDirThatIsAFile_isRefusedAtTheStart(@TempDir Path folder) throws IOException {
        Path file = Files.createFile(folder.resolve("not-a-folder"));

        refused(Map.of("AUTH_DATA_DIR", file.toString()))
                .hasMessage("AUTH_DATA_DIR: cannot use \"" + file + "\"; expected a folder; it names a file");
        assertThat(Configuration.load(Map.of("AUTH_DATA_DIR", folder.resolve("not-yet-there").toString()))
                .persistence().dataDir()).isEqualTo(folder.resolve("not-yet-there"));
    }

    /** Loading {@code environment} stops at a configuration error; the message is for the caller to check. */
    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, String> environment) {
        return assertThatThrownBy(() -> Configuration.load(environment)).isInstanceOf(ConfigurationException.class);
    }
}
