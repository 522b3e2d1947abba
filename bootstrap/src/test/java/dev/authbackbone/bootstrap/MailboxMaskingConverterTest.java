package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailboxMaskingConverterTest {

    /** The replacement the converter stands in for; logback.xml still names it for the JSON format. */
    private static final Pattern MAILBOX = Pattern.compile("([A-Za-z0-9_+-])[A-Za-z0-9._+*-]*@");

    @Test
    void masksTheLocalPartOfEveryMailbox_andLeavesTheRestAlone() {
        assertThat(MailboxMaskingConverter.mask("mail to jane.doe+tag@example.com bounced"))
                .isEqualTo("mail to j***@example.com bounced");
        assertThat(MailboxMaskingConverter.mask("a@b.example, .x.y@c.example")).isEqualTo("a***@b.example, .x***@c.example");
        assertThat(MailboxMaskingConverter.mask("no address here")).isEqualTo("no address here");
        assertThat(MailboxMaskingConverter.mask("j***@example.com")).isEqualTo("j***@example.com");
        assertThat(MailboxMaskingConverter.mask("...@x @ @@")).isEqualTo("...@x @ @@");
    }

    @Test
    void givesWhatTheRegularExpressionGave_onRandomText() {
        Random random = new Random(20261126);
        String alphabet = "aZ9_+-.*@ :<>\"é@.@";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String in = text.toString();
            assertThat(MailboxMaskingConverter.mask(in)).as(in).isEqualTo(MAILBOX.matcher(in).replaceAll("$1***@"));
        }
    }
}
