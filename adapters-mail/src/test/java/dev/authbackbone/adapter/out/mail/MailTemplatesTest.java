package dev.authbackbone.adapter.out.mail;

import static dev.authbackbone.adapter.out.mail.MailTestData.JANE;
import static dev.authbackbone.adapter.out.mail.MailTestData.aConfirmationLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aSignInLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MailTemplatesTest {

    private final MailTemplates templates = MailTestData.templates();

    @Test
    void render_confirmationLink_hasSubjectLinkAndExpiryInBothBodies() {
        OneTimeToken token = aToken(1);
        String link = "https://auth.example.test/auth/confirm-email?token=" + token.reveal();

        RenderedMail mail = templates.render(aConfirmationLink(JANE, token));

        assertThat(mail.subject()).isEqualTo("Confirm your email address");
        assertThat(mail.text())
                .contains(link)
                .contains("jane.doe@example.com")
                .contains("expires in 24 hours (2 March 2026 at 09:30 UTC)");
        assertThat(mail.html())
                .contains("<title>Confirm your email address</title>")
                .contains("href=\"" + link + "\"")
                .contains("in 24 hours (2 March 2026 at 09:30 UTC)");
    }

    @Test
    void render_confirmationLink_namesTheRequesterMasked_andWhatConfirmingDoes() {
        RenderedMail mail = templates.render(aConfirmationLink(JANE, aToken(4)));

        assertThat(mail.text()).contains("the account a***@example.com asked to add jane.doe@example.com")
                .contains("Confirming lets that account sign in with jane.doe@example.com")
                .doesNotContain("alice@example.com");
        assertThat(mail.html()).contains("<strong>a***@example.com</strong>").doesNotContain("alice@example.com");
    }

    @Test
    void render_primaryChangedNotice_carriesTheUndoLinkAndTheNewPrimary() {
        OneTimeToken token = aToken(5);
        Mail.PrimaryChangedNotice notice = new Mail.PrimaryChangedNotice(JANE, EmailAddress.parse("new@example.org"),
                token, MailTestData.NOW.plus(Duration.ofDays(7)));

        RenderedMail mail = templates.render(notice);

        assertThat(mail.subject()).isEqualTo("Your primary email address was changed");
        assertThat(mail.text()).contains("https://auth.example.test/auth/undo?token=" + token.reveal())
                .contains("new@example.org is now").contains("expires in 7 days");
        assertThat(mail.html()).contains("href=\"https://auth.example.test/auth/undo?token=" + token.reveal() + "\"");
    }

    @Test
    void render_removedAndLinkedNotices_nameTheAddressAndCarryNoLink() {
        EmailAddress other = EmailAddress.parse("other@example.org");

        RenderedMail removed = templates.render(new Mail.AddressRemovedNotice(JANE, other));
        RenderedMail linked = templates.render(new Mail.AddressLinkedNotice(JANE, other));

        assertThat(removed.subject()).isEqualTo("An email address was removed from your account");
        assertThat(removed.text()).contains("other@example.org was removed").doesNotContain("http");
        assertThat(linked.subject()).isEqualTo("An email address was linked to your account");
        assertThat(linked.text()).contains("other@example.org was confirmed").doesNotContain("http");
    }

    @Test
    void render_signInLink_hasItsOwnSubjectLinkAndMinutes() {
        OneTimeToken token = aToken(2);
        String link = "https://auth.example.test/auth/magic-link?token=" + token.reveal();

        RenderedMail mail = templates.render(aSignInLink(JANE, token));

        assertThat(mail.subject()).isEqualTo("Your sign-in link");
        assertThat(mail.text()).contains(link).contains("expires in 15 minutes (1 March 2026 at 09:45 UTC)");
        assertThat(mail.html()).contains("href=\"" + link + "\"").contains("in 15 minutes");
    }

    @Test
    void render_linkMails_showTheCodeInBothBodiesAndInNoUrl() {
        String code = MailTestData.aCode().reveal();
        for (Mail linkMail : new Mail[] {aConfirmationLink(JANE, aToken(3)), aSignInLink(JANE, aToken(4))}) {
            RenderedMail mail = templates.render(linkMail);

            assertThat(mail.text()).contains("    " + code + "\n");
            assertThat(mail.html()).contains(">" + code + "</p>");
            assertThat(urls(mail.text()) + urls(mail.html())).isNotEmpty().doesNotContain(code);
        }
    }

    private static String urls(String body) {
        return java.util.regex.Pattern.compile("https?://[^\\s\"<]+").matcher(body).results()
                .map(java.util.regex.MatchResult::group).reduce("", String::concat);
    }

    @Test
    void render_notices_carryNoLinkAndNoToken() {
        for (Mail notice : new Mail[] {new Mail.AlreadyLinkedNotice(JANE), new Mail.AccountDisabledNotice(JANE)}) {
            RenderedMail mail = templates.render(notice);

            assertThat(mail.text()).contains("jane.doe@example.com").doesNotContain("http").doesNotContain("token");
            assertThat(mail.html()).doesNotContain("http").doesNotContain("href").doesNotContain("token");
        }
        assertThat(templates.render(new Mail.AlreadyLinkedNotice(JANE)).subject())
                .isEqualTo("Someone tried to link your email address");
        assertThat(templates.render(new Mail.AccountDisabledNotice(JANE)).subject())
                .isEqualTo("Sign-in request for a disabled account");
    }

    @Test
    void render_valuesWithMarkupCharacters_areEscapedInHtmlOnly() {
        EmailAddress odd = EmailAddress.parse("o'brien&co@example.com");
        LinkTemplates links = new LinkTemplates("https://app.example.test/confirm?a=1&token={token}",
                "https://app.example.test/sign-in?token={token}", "https://app.example.test/undo?token={token}");
        OneTimeToken token = aToken(3);

        RenderedMail mail = new MailTemplates(links, MailTestData.clock()).render(aConfirmationLink(odd, token));

        assertThat(mail.html())
                .contains("o&#39;brien&amp;co@example.com")
                .contains("href=\"https://app.example.test/confirm?a=1&amp;token=" + token.reveal() + "\"")
                .doesNotContain("o'brien&co");
        assertThat(mail.text())
                .contains("o'brien&co@example.com")
                .contains("https://app.example.test/confirm?a=1&token=" + token.reveal());
    }

    @Test
    void render_idnRecipient_showsTheAddressAsGiven() {
        EmailAddress idn = EmailAddress.parse("joerg@bücher.example");

        RenderedMail mail = templates.render(new Mail.AlreadyLinkedNotice(idn));

        assertThat(mail.text()).contains("joerg@bücher.example");
    }

    @ParameterizedTest
    @CsvSource({
            "PT24H, in 24 hours",
            "PT23H59M59.6S, in 24 hours",
            "PT15M, in 15 minutes",
            "PT14M59.9S, in 15 minutes",
            "PT1M, in 1 minute",
            "PT20S, in less than a minute",
            "PT1H, in 1 hour",
            "PT1H30M, in 1 hour and 30 minutes",
            "PT48H, in 2 days",
            "PT49H, in 49 hours",
            "-PT5M, in less than a minute"
    })
    void expiresIn_duration_readsNaturally(Duration left, String expected) {
        assertThat(MailTemplates.expiresIn(left)).isEqualTo(expected);
    }

    @Test
    void escapeHtml_allFiveCharacters_escaped() {
        assertThat(MailTemplates.escapeHtml("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void template_unknownPlaceholder_failsWhenPrepared() {
        Template template = Template.parse("test", "Hello {{name}}, {{surprise}}");

        assertThatThrownBy(() -> template.requireOnly(Set.of("name")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("surprise");
    }

    @Test
    void template_rawAndEscapedPlaceholders_renderAccordingly() {
        Template template = Template.parse("test", "<p>{{value}}</p>{{{markup}}}");

        String out = template.render(Map.of("value", "<b>", "markup", "<i>ok</i>"), MailTemplates::escapeHtml);

        assertThat(out).isEqualTo("<p>&lt;b&gt;</p><i>ok</i>");
    }

    @Test
    void template_unclosedPlaceholder_rejected() {
        assertThatThrownBy(() -> Template.parse("test", "Hello {{name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unclosed");
        assertThat(Template.parse("test", "plain").render(Map.of(), UnaryOperator.identity())).isEqualTo("plain");
    }
}
