package dev.authbackbone.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void email_keepsOnlyTheMaskedAddress() {
        AuditEvent event = AuditEvent.of(AuditEventType.MAIL_SENT, NOW, RequestOrigin.unknown())
                .email(EmailAddress.parse("jane.doe@example.com"));

        assertThat(event.maskedEmail()).contains("j***@example.com");
        assertThat(event.toString()).doesNotContain("jane.doe");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "***@example.com", "j***example.com", ""})
    void constructor_unmaskedAddress_isRejected(String address) {
        assertThatThrownBy(() -> new AuditEvent(NOW, AuditEventType.MAIL_SENT, Optional.empty(), Optional.of(address),
                Optional.empty(), RequestOrigin.unknown()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maskedEmail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Invalid Token", "token=abc", "a-b"})
    void reason_notALowerCaseWord_isRejected(String reason) {
        assertThatThrownBy(() -> new AuditEvent(NOW, AuditEventType.RATE_LIMITED, Optional.empty(), Optional.empty(),
                Optional.of(reason), RequestOrigin.unknown())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "line\nbreak", "éclair"})
    void requestOrigin_unprintableOrEmptyValues_areRejected(String value) {
        assertThatThrownBy(() -> RequestOrigin.of("127.0.0.1", value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOrigin.of(value, "id")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestOrigin_longestAcceptedValue_is64Characters() {
        assertThat(RequestOrigin.of("::1", "a".repeat(64)).requestId()).contains("a".repeat(64));
        assertThatThrownBy(() -> RequestOrigin.of("::1", "a".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
