package dev.authbackbone.domain.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void parse_trimsAndKeepsTheGivenFormButComparesCanonically() {
        EmailAddress address = EmailAddress.parse("  John.Doe@Example.COM \t");

        assertThat(address.value()).isEqualTo("John.Doe@Example.COM");
        assertThat(address.canonical()).isEqualTo("john.doe@example.com");
        assertThat(address).isEqualTo(EmailAddress.parse("john.doe@example.com")).hasSameHashCodeAs(EmailAddress.parse("JOHN.DOE@EXAMPLE.COM"));
    }

    @ParameterizedTest
    @CsvSource({
            "user@bücher.example, user@xn--bcher-kva.example, user@xn--bcher-kva.example",
            "Δ@例え.テスト, , ",
            "Ann@MÜNCHEN.de, ann@xn--mnchen-3ya.de, Ann@xn--mnchen-3ya.de",
    })
    void parse_idnDomain_comparesAndDeliversInAsciiForm(String given, String canonical, String deliverable) {
        if (canonical == null) {
            assertThatThrownBy(() -> EmailAddress.parse(given)).isInstanceOf(InvalidEmailAddressException.class);
            return;
        }
        EmailAddress address = EmailAddress.parse(given);
        assertThat(address.canonical()).isEqualTo(canonical);
        assertThat(address.deliverable()).isEqualTo(deliverable);
        assertThat(address.value()).isEqualTo(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ceo@faß.de", "ceo@FAẞ.de", "ceo@strasse.faß.de", "x@λόγος.gr", "x@a\u200db.example", "x@a\u200cb.example",
    })
    void parse_deviationCharacterInDomain_isRefused_becauseIdna2003AndIdna2008NameDifferentDomains(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidEmailAddressException.class)
                .satisfies(e -> assertThat(((InvalidEmailAddressException) e).reason()).isNotBlank().doesNotContain(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ceo@ex\u0430mple.net", "ceo@\u0435\u0445\u0430mple.net", "ceo@ex\u0430mple.n\u0435t", "ceo@exam\u0338ple.net",
            "ceo@p\u0430yp\u0430l.com", "x@\u03bfrange.example", "x@\u043f\u0440\u0438\u043c\u0435\u0301\u0440.example",
    })
    void parse_domainLabelMixingScriptsOrMarkingLatinGreekOrCyrillicLetters_isRefused_asALookAlike(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidEmailAddressException.class)
                .satisfies(e -> assertThat(((InvalidEmailAddressException) e).reason()).contains("look like another domain"));
        assertThat(EmailAddress.restore(raw).canonical()).as("a stored row still loads").contains("@xn--");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "x@b\u00fccher.de", "x@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444", "x@\u03b4\u03bf\u03ba\u03b9\u03bc\u03ae.gr",
            "x@\u4f8b\u3048.jp", "x@\u65e5\u672c\u8a9esample.jp", "x@\ud55c\uad6d\uc5b4.kr", "x@\u0924\u093f\u0930\u0902\u0917\u093e.in",
            "x@xn--exmple-4nf.net", "x@b\u00fccher.\u043f\u0440\u0438\u043c\u0435\u0440",
    })
    void parse_domainLabelsEachInOneWritingSystem_areAccepted(String raw) {
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(raw);
    }

    @Test
    void restore_storedDeviationDomain_isReadAsItWasAccepted_soOldRowsStillLoad() {
        EmailAddress stored = EmailAddress.restore("ceo@faß.de");

        assertThat(stored.value()).isEqualTo("ceo@faß.de");
        assertThat(stored.canonical()).isEqualTo("ceo@fass.de");
        assertThatThrownBy(() -> EmailAddress.restore("ceo@fa\nß.de")).isInstanceOf(InvalidEmailAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@ｅｘａｍｐｌｅ.com", "x@ﬁnance.example", "x@bücher.ｅxample"})
    void parse_domainTheConversionTurnsIntoAnotherName_isRefused(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw)).isInstanceOf(InvalidEmailAddressException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "user@bücher.example, user@xn--bcher-kva.example",
            "user@BÜCHER.example, user@xn--bcher-kva.example",
            "user@bu\u0308cher.example, user@xn--bcher-kva.example",
            "user@bücher\u3002example, user@xn--bcher-kva.example",
            "ivan@пример.рф, ivan@xn--e1afmkfd.xn--p1ai",
            "x@ΟΔΟΣ.gr, x@οδοσ.gr",
            "ceo@xn--fa-hia.de, ceo@xn--fa-hia.de",
            "ceo@fass.de, ceo@FASS.de",
    })
    void parse_idnDomainThatKeepsItsMeaning_isAcceptedAndComparedInAsciiForm(String given, String same) {
        EmailAddress address = EmailAddress.parse(given);

        assertThat(address).isEqualTo(EmailAddress.parse(same));
        assertThat(address.value()).isEqualTo(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "plainaddress", "@example.com", "user@", "user@localhost", "user@example",
            "a@b@example.com", ".user@example.com", "user.@example.com", "us..er@example.com",
            "user name@example.com", "user@exa mple.com", "user@-example.com", "user@example-.com",
            "user@example..com", "user@example.123", "\"quoted\"@example.com", "josé@example.com",
            "user\r\n@example.com", "user@example.com\r\nBcc: x@evil.example", "user\u0000@example.com",
            "user\u200b@example.com", "user@exa\u202emple.com", "user\ud800@example.com", "user@example.com\n",
    })
    void parse_badInput_isRejectedWithAReason(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidEmailAddressException.class)
                .satisfies(e -> assertThat(((InvalidEmailAddressException) e).reason()).isNotBlank().doesNotContain(raw.strip().isEmpty() ? "\u0001" : raw));
    }

    @Test
    void parse_nullIsRejected() {
        assertThatThrownBy(() -> EmailAddress.parse(null)).isInstanceOf(InvalidEmailAddressException.class);
    }

    @Test
    void parse_lengthLimits() {
        String local64 = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".com";
        String exactly254 = local64 + "@" + domain;
        assertThat(exactly254).hasSize(254);

        assertThat(EmailAddress.parse(exactly254).value()).hasSize(254);
        assertThatThrownBy(() -> EmailAddress.parse("a" + exactly254)).isInstanceOf(InvalidEmailAddressException.class);
        assertThatThrownBy(() -> EmailAddress.parse("a".repeat(65) + "@example.com")).isInstanceOf(InvalidEmailAddressException.class);
        assertThatThrownBy(() -> EmailAddress.parse("x".repeat(300) + "@example.com")).isInstanceOf(InvalidEmailAddressException.class);
    }

    @Test
    void parse_plusAndSpecialsInLocalPart_areAccepted() {
        assertThat(EmailAddress.parse("o'brien+tag_1=x@sub.example.co.uk").canonical()).isEqualTo("o'brien+tag_1=x@sub.example.co.uk");
    }

    @Test
    void masked_keepsFirstCharacterAndAsciiDomainOnly() {
        assertThat(EmailAddress.parse("  Jane.Doe+news@Example.com ").masked()).isEqualTo("J***@Example.com");
        assertThat(EmailAddress.parse("x@bücher.example").masked()).isEqualTo("x***@xn--bcher-kva.example");
    }
}
