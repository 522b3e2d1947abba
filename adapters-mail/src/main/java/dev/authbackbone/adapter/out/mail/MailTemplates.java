package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.mail.Mail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders each kind of {@link Mail} into a subject, a plain-text body and an HTML body. The
 * templates (class-path resources under {@code templates/}) are loaded and checked once, here.
 */
public final class MailTemplates {

    static final String CONFIRMATION_SUBJECT = "Confirm your email address";
    static final String SIGN_IN_SUBJECT = "Your sign-in link";
    static final String ALREADY_LINKED_SUBJECT = "Someone tried to link your email address";
    static final String ACCOUNT_DISABLED_SUBJECT = "Sign-in request for a disabled account";
    static final String PRIMARY_CHANGED_SUBJECT = "Your primary email address was changed";
    static final String ADDRESS_REMOVED_SUBJECT = "An email address was removed from your account";
    static final String ADDRESS_LINKED_SUBJECT = "An email address was linked to your account";

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter
            .ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private static final Set<String> LINK_VALUES = Set.of("recipient", "link", "code", "expiresAt", "expiresIn");
    private static final Set<String> NOTICE_VALUES = Set.of("recipient");
    private static final Set<String> CONFIRMATION_VALUES = Set.of("recipient", "link", "code", "expiresAt", "expiresIn", "requester");
    private static final Set<String> PRIMARY_CHANGED_VALUES =
            Set.of("recipient", "link", "expiresAt", "expiresIn", "newPrimary");

    private final LinkTemplates links;
    private final Clock clock;
    private final Template layout;
    private final Kind confirmation;
    private final Kind signIn;
    private final Kind alreadyLinked;
    private final Kind accountDisabled;
    private final Kind primaryChanged;
    private final Kind addressRemoved;
    private final Kind addressLinked;

    /** One template pair per mail kind, with its subject. */
    private record Kind(String subject, Template text, Template html) {}

    /**
     * @param links where mailed links point
     * @param clock tells how long a link has left ("in 15 minutes")
     */
    public MailTemplates(LinkTemplates links, Clock clock) {
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.layout = Template.load("layout.html").requireOnly(Set.of("subject", "content"));
        this.confirmation = kind(CONFIRMATION_SUBJECT, "confirmation-link", CONFIRMATION_VALUES);
        this.signIn = kind(SIGN_IN_SUBJECT, "sign-in-link", LINK_VALUES);
        this.alreadyLinked = kind(ALREADY_LINKED_SUBJECT, "already-linked-notice", NOTICE_VALUES);
        this.accountDisabled = kind(ACCOUNT_DISABLED_SUBJECT, "account-disabled-notice", NOTICE_VALUES);
        this.primaryChanged = kind(PRIMARY_CHANGED_SUBJECT, "primary-changed-notice", PRIMARY_CHANGED_VALUES);
        this.addressRemoved = kind(ADDRESS_REMOVED_SUBJECT, "address-removed-notice", Set.of("recipient", "removed"));
        this.addressLinked = kind(ADDRESS_LINKED_SUBJECT, "address-linked-notice", Set.of("recipient", "linked"));
    }

    private static Kind kind(String subject, String name, Set<String> values) {
        return new Kind(subject, Template.load(name + ".txt").requireOnly(values),
                Template.load(name + ".html").requireOnly(values));
    }

    /** The subject and both bodies of {@code mail}. */
    public RenderedMail render(Mail mail) {
        Objects.requireNonNull(mail, "mail");
        String recipient = mail.recipient().value();
        if (mail instanceof Mail.ConfirmationLink link) {
            // Masked: the mailbox learns which account asked, not the whole address of its owner.
            return render(confirmation, with(linkValues(recipient, links.confirmUrl(link.token()), link.code().reveal(),
                    link.expiresAt()), "requester", link.requester().masked()));
        }
        if (mail instanceof Mail.SignInLink link) {
            return render(signIn, linkValues(recipient, links.signInUrl(link.token()), link.code().reveal(), link.expiresAt()));
        }
        if (mail instanceof Mail.AlreadyLinkedNotice) {
            return render(alreadyLinked, Map.of("recipient", recipient));
        }
        if (mail instanceof Mail.AccountDisabledNotice) {
            return render(accountDisabled, Map.of("recipient", recipient));
        }
        if (mail instanceof Mail.PrimaryChangedNotice notice) {
            return render(primaryChanged, with(linkValues(recipient, links.undoUrl(notice.token()), notice.expiresAt()),
                    "newPrimary", notice.newPrimary().value()));
        }
        if (mail instanceof Mail.AddressRemovedNotice notice) {
            return render(addressRemoved, Map.of("recipient", recipient, "removed", notice.removed().value()));
        }
        if (mail instanceof Mail.AddressLinkedNotice notice) {
            return render(addressLinked, Map.of("recipient", recipient, "linked", notice.linked().value()));
        }
        throw new IllegalArgumentException("no template for " + mail.getClass().getName());
    }

    /** The code goes into the text only: never into {@code link}, so no URL (and no scanner following one) holds it. */
    private Map<String, String> linkValues(String recipient, String link, String code, Instant expiresAt) {
        return with(linkValues(recipient, link, expiresAt), "code", code);
    }

    /** For a link that comes without a code (an undo link is not a sign-in or a confirmation). */
    private Map<String, String> linkValues(String recipient, String link, Instant expiresAt) {
        return Map.of("recipient", recipient, "link", link, "expiresAt", EXPIRY.format(expiresAt),
                "expiresIn", expiresIn(Duration.between(clock.instant(), expiresAt)));
    }

    private static Map<String, String> with(Map<String, String> values, String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(values);
        more.put(name, value);
        return Map.copyOf(more);
    }

    private RenderedMail render(Kind kind, Map<String, String> values) {
        String text = kind.text().render(values, UnaryOperator.identity());
        String content = kind.html().render(values, MailTemplates::escapeHtml);
        String html = layout.render(Map.of("subject", kind.subject(), "content", content), MailTemplates::escapeHtml);
        return new RenderedMail(kind.subject(), text, html);
    }

    /**
     * "in 24 hours", "in 15 minutes", "in 1 hour and 30 minutes", "in 3 days". Rounded to the
     * nearest minute, since a link is rendered a moment after it was issued.
     */
    static String expiresIn(Duration left) {
        long minutes = Math.round(Math.max(0, left.toMillis()) / 60_000.0);
        if (minutes < 1) {
            return "in less than a minute";
        }
        long minutesPerDay = 24 * 60;
        if (minutes >= 2 * minutesPerDay && minutes % minutesPerDay == 0) {
            return "in " + plural(minutes / minutesPerDay, "day");
        }
        if (minutes < 60) {
            return "in " + plural(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return "in " + plural(hours, "hour") + (rest == 0 ? "" : " and " + plural(rest, "minute"));
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** Escapes text for HTML element content and quoted attribute values alike. */
    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
