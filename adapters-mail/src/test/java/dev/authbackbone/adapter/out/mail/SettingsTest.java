package dev.authbackbone.adapter.out.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final String FROM = MailTestData.FROM;

    @Test
    void smtpSettings_toString_masksThePassword() {
        SmtpSettings settings = new SmtpSettings("smtp.example.test", 587, "mailer", "s3cret-pa55",
                SmtpSettings.Transport.STARTTLS, FROM, Duration.ofSeconds(10));

        assertThat(settings.toString()).doesNotContain("s3cret-pa55").contains("password=****").contains("mailer");
        assertThat(SmtpSettings.unauthenticated("127.0.0.1", 25, FROM, SmtpSettings.DEFAULT_TIMEOUT).toString())
                .contains("password=<none>");
    }

    @Test
    void smtpSettings_usernameWithoutPassword_rejected() {
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.test", 587, "mailer", null,
                SmtpSettings.Transport.SMTP, FROM, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username and password");
    }

    @Test
    void smtpSettings_badValues_rejectedNamingTheField() {
        assertThatThrownBy(() -> SmtpSettings.unauthenticated(" ", 25, FROM, Duration.ofSeconds(1)))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 0, FROM, Duration.ofSeconds(1)))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, "not an address", Duration.ofSeconds(1)))
                .hasMessageContaining("from");
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, "a@example.com, b@example.com", Duration.ofSeconds(1)))
                .hasMessageContaining("from");
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, "a@example.com\r\nBcc: x@example.com", Duration.ofSeconds(1)))
                .hasMessageContaining("from");
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, FROM, Duration.ZERO))
                .hasMessageContaining("timeout");
    }

    @Test
    void smtpSettings_fromWithDisplayName_accepted() {
        SmtpSettings settings = SmtpSettings.unauthenticated("localhost", 25, FROM, Duration.ofSeconds(1));

        assertThat(settings.fromAddress().getAddress()).isEqualTo("no-reply@auth.example.test");
        assertThat(settings.fromAddress().getPersonal()).isEqualTo("Auth Backbone");
    }

    @Test
    void linkTemplates_underBaseUrl_pointAtTheBundledPages() {
        LinkTemplates links = LinkTemplates.underBaseUrl("http://127.0.0.1:8080/");

        assertThat(links.confirmUrlTemplate()).isEqualTo("http://127.0.0.1:8080/auth/confirm-email?token={token}");
        assertThat(links.signInUrlTemplate()).isEqualTo("http://127.0.0.1:8080/auth/magic-link?token={token}");
        assertThat(links.signInUrl(MailTestData.aToken(9))).endsWith("?token=" + MailTestData.aToken(9).reveal());
    }

    @Test
    void linkTemplates_withoutPlaceholderOrWithOtherScheme_rejected() {
        assertThatThrownBy(() -> new LinkTemplates("https://x.example/confirm", "https://x.example/s?t={token}", "https://x.example/u?t={token}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confirmUrlTemplate");
        assertThatThrownBy(() -> new LinkTemplates("https://x.example/c?t={token}", "javascript:alert({token})", "https://x.example/u?t={token}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("signInUrlTemplate");
        assertThatThrownBy(() -> new LinkTemplates("https://x.example/c?t={token} x", "https://x.example/s?t={token}", "https://x.example/u?t={token}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("confirmUrlTemplate");
    }

    @Test
    void breakerSettings_defaults_areTheDocumentedOnes() {
        BreakerSettings defaults = BreakerSettings.defaults();

        // Five transport failures in a row: the only rule under which a success can never open it.
        assertThat(defaults.failureRateThreshold()).isEqualTo(100f);
        assertThat(defaults.slidingWindowSize()).isEqualTo(5);
        assertThat(defaults.minimumNumberOfCalls()).isEqualTo(5);
        assertThat(defaults.waitInOpenState()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.permittedCallsInHalfOpenState()).isEqualTo(3);
    }

    @Test
    void breakerSettings_impossibleValues_rejected() {
        assertThatThrownBy(() -> new BreakerSettings(0f, 10, 5, Duration.ofSeconds(30)))
                .hasMessageContaining("failureRateThreshold");
        assertThatThrownBy(() -> new BreakerSettings(50f, 10, 11, Duration.ofSeconds(30)))
                .hasMessageContaining("minimumNumberOfCalls");
        assertThatThrownBy(() -> new BreakerSettings(50f, 10, 5, Duration.ZERO))
                .hasMessageContaining("waitInOpenState");
    }
}
