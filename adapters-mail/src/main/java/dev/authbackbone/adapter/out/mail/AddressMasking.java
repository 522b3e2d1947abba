package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.regex.Pattern;

/** Shortens addresses for logs ({@code j***@example.com}): enough to tell mails apart, not to harvest them. */
final class AddressMasking {

    private static final Pattern ADDRESS = Pattern.compile(
            "([A-Za-z0-9!#$%&'*+/=?^_`{|}~-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*)");

    private AddressMasking() {}

    static String mask(EmailAddress address) {
        return address.masked();
    }

    /** Masks every address in a server reply or error message, which often echo the recipient. */
    static String maskAll(String text) {
        return text == null ? "" : ADDRESS.matcher(text).replaceAll("$1***@$2");
    }
}
