package dev.authbackbone.domain.email;

import java.net.IDN;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An email address as a person gave it, with the canonical form used to compare it.
 *
 * <p>Two addresses are equal when their canonical forms are: the whole address lower-cased (local
 * part included, as virtually every mailbox treats it) with the domain in its IDNA ASCII form.
 * The given form (trimmed) is what mails are addressed to and what the person is shown; only its
 * domain is converted to ASCII for delivery, which names the same mailbox and needs no SMTPUTF8.
 *
 * <p>The conversion is IDNA2003's ({@link IDN}), which maps some names to other domains than IDNA2008
 * and browsers do ({@code faß.de} to {@code fass.de}, not {@code xn--fa-hia.de}). A domain the
 * conversion would change into another name is refused, so that the domain shown as verified is
 * always the one the mail went to.
 */
public final class EmailAddress {

    /** RFC 5321's limit on a forward path, which is what an address has to fit in. */
    public static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SPECIALS = "!#$%&'*+/=?^_`{|}~-.";
    /**
     * IDNA's deviation characters (ß, final ς, ZWJ, ZWNJ): IDNA2003 maps them away, IDNA2008 keeps
     * them, so a name with one of them is two different domains depending on who resolves it.
     */
    private static final String DEVIATIONS = "\u00df\u03c2\u200d\u200c";
    /** Scripts that may share a label (with Latin too): Japanese, Chinese with Bopomofo, Korean. */
    private static final List<Set<Character.UnicodeScript>> CJK_WRITING_SYSTEMS = List.of(
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA, Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));
    /** Alphabets whose accented letters in use exist composed, so a combining mark on them is disguise. */
    private static final Set<Character.UnicodeScript> ALPHABETS_WITH_COMPOSED_FORMS = EnumSet.of(
            Character.UnicodeScript.LATIN, Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC);
    /** What IDNA reads as a dot between labels besides the full stop itself. */
    private static final String OTHER_DOTS = "\u3002\uff0e\uff61";

    private final String value;
    private final String canonical;
    private final String deliverable;

    private EmailAddress(String value, String canonical, String deliverable) {
        this.value = value;
        this.canonical = canonical;
        this.deliverable = deliverable;
    }

    /**
     * Parses an address: trims surrounding white space, then rejects control and invisible
     * characters, anything longer than {@value #MAX_LENGTH} characters, and anything that is not a
     * dot-atom local part, an {@code @} and a domain name of at least two labels.
     *
     * @throws InvalidEmailAddressException naming what is wrong
     */
    public static EmailAddress parse(String raw) {
        return parse(raw, true);
    }

    /**
     * An address read back from storage, for the persistence adapter: checked as {@link #parse}
     * does, except that a domain the ASCII conversion changes is kept, since it was accepted before
     * such domains were refused and its stored canonical form, and the mail already sent, used the
     * converted name. Reading an old row must not break the account that holds it.
     */
    public static EmailAddress restore(String stored) {
        return parse(stored, false);
    }

    private static EmailAddress parse(String raw, boolean refuseChangedDomains) {
        if (raw == null) {
            throw new InvalidEmailAddressException("An email address is required.");
        }
        rejectInvisibleCharacters(raw);
        String trimmed = raw.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidEmailAddressException("An email address is required.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidEmailAddressException("The email address is too long (at most " + MAX_LENGTH + " characters).");
        }
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            throw new InvalidEmailAddressException("An email address must have an @-sign.");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        checkLocalPart(local);
        String asciiDomain = asciiDomain(domain, refuseChangedDomains);
        String deliverable = local + "@" + asciiDomain;
        if (deliverable.length() > MAX_LENGTH) {
            throw new InvalidEmailAddressException("The email address is too long (at most " + MAX_LENGTH + " characters).");
        }
        return new EmailAddress(trimmed, deliverable.toLowerCase(Locale.ROOT), deliverable);
    }

    private static void rejectInvisibleCharacters(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isISOControl(c) && !(c == ' ' || c == '\t')) {
                throw new InvalidEmailAddressException("The email address must not contain control characters.");
            }
            if (Character.isSurrogate(c) && !isPairedSurrogate(raw, i)) {
                throw new InvalidEmailAddressException("The email address contains an invalid character.");
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED && !Character.isSurrogate(c)) {
                throw new InvalidEmailAddressException("The email address must not contain invisible or formatting characters.");
            }
        }
    }

    private static boolean isPairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static void checkLocalPart(String local) {
        if (local.isEmpty()) {
            throw new InvalidEmailAddressException("There must be something before the @-sign.");
        }
        if (local.length() > MAX_LOCAL_LENGTH) {
            throw new InvalidEmailAddressException("The part before the @-sign is too long (at most " + MAX_LOCAL_LENGTH + " characters).");
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            throw new InvalidEmailAddressException("The part before the @-sign must not start or end with a dot or have two dots in a row.");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0);
            if (!ok) {
                throw new InvalidEmailAddressException(
                        "The part before the @-sign may contain only ASCII letters, digits and !#$%&'*+/=?^_`{|}~-. characters.");
            }
        }
    }

    private static String asciiDomain(String domain, boolean refuseChangedDomains) {
        if (domain.isEmpty()) {
            throw new InvalidEmailAddressException("There must be a domain name after the @-sign.");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidEmailAddressException("The domain name is not a valid internationalized domain name.");
        }
        if (refuseChangedDomains) {
            refuseChangedMeaning(domain, ascii);
            refuseLookAlikes(domain);
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidEmailAddressException("The domain name must contain a dot.");
        }
        for (String label : labels) {
            checkLabel(label);
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidEmailAddressException("The domain name must not end in a numeric label.");
        }
        return ascii;
    }

    /**
     * Refuses a domain whose ASCII form names a different domain: one with a deviation character,
     * or one of whose labels does not come back from its ASCII form as given (after NFC and
     * lower-casing), which is how {@code ẞ}, full-width letters and the like show up. Labels given
     * in ASCII (including {@code xn--} ones) are left as they are by the conversion.
     */
    private static void refuseChangedMeaning(String domain, String ascii) {
        String given = Normalizer.normalize(domain, Normalizer.Form.NFC);
        if (given.chars().anyMatch(c -> DEVIATIONS.indexOf(c) >= 0)) {
            throw new InvalidEmailAddressException("The domain name contains ß, ς or a joiner, which mail systems convert to "
                    + "different domains; give the domain in its xn-- (ASCII) form.");
        }
        String[] givenLabels = withFullStops(given).split("\\.", -1);
        String[] asciiLabels = ascii.split("\\.", -1);
        boolean same = givenLabels.length == asciiLabels.length;
        for (int i = 0; same && i < givenLabels.length; i++) {
            same = isAscii(givenLabels[i]) || comparable(givenLabels[i]).equals(comparable(IDN.toUnicode(asciiLabels[i], 0)));
        }
        if (!same) {
            throw new InvalidEmailAddressException("The domain name would be converted to a different domain name; "
                    + "give it as it is registered, or in its xn-- (ASCII) form.");
        }
    }

    /**
     * Refuses a label that mixes scripts, such as a Cyrillic {@code а} among Latin letters, or that
     * puts a combining mark on Latin, Greek or Cyrillic letters (whose accented letters in use are
     * single, composed characters): {@code exаmple.net} and {@code exam̸ple.net} are other domains that show as
     * {@code example.net}, so an address at one, once verified, would look like its victim's. Latin
     * may mix with the scripts written beside it in Chinese, Japanese and Korean names, as browsers
     * allow. A label given in its {@code xn--} form shows as such, so it is left alone.
     */
    private static void refuseLookAlikes(String domain) {
        for (String label : withFullStops(Normalizer.normalize(domain, Normalizer.Form.NFC)).split("\\.", -1)) {
            if (isAscii(label)) {
                continue;
            }
            Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
            boolean marked = false;
            for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i))) {
                int c = label.codePointAt(i);
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED) {
                    scripts.add(script);
                }
                int type = Character.getType(c);
                marked |= type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
            }
            if (!isOneWritingSystem(scripts)) {
                throw new InvalidEmailAddressException("A part of the domain name mixes letters of different scripts, "
                        + "which makes it look like another domain; give it in one script, or in its xn-- (ASCII) form.");
            }
            if (marked && ALPHABETS_WITH_COMPOSED_FORMS.containsAll(scripts)) {
                throw new InvalidEmailAddressException("A part of the domain name puts a combining mark on a letter, "
                        + "which makes it look like another domain; give it in its xn-- (ASCII) form.");
            }
        }
    }

    private static boolean isOneWritingSystem(Set<Character.UnicodeScript> scripts) {
        if (scripts.size() <= 1) {
            return true;
        }
        Set<Character.UnicodeScript> besidesLatin = EnumSet.copyOf(scripts);
        besidesLatin.remove(Character.UnicodeScript.LATIN);
        return CJK_WRITING_SYSTEMS.stream().anyMatch(system -> system.containsAll(besidesLatin));
    }

    private static String withFullStops(String domain) {
        String dotted = domain;
        for (int i = 0; i < OTHER_DOTS.length(); i++) {
            dotted = dotted.replace(OTHER_DOTS.charAt(i), '.');
        }
        return dotted;
    }

    private static boolean isAscii(String label) {
        return label.chars().allMatch(c -> c < 128);
    }

    private static String comparable(String label) {
        // Java lower-cases a word-final capital sigma to ς, IDNA every capital sigma to σ; a given ς
        // was refused above, so this only undoes Java's context rule.
        return Normalizer.normalize(label, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u03c2', '\u03c3');
    }

    private static void checkLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
            throw new InvalidEmailAddressException("Each part of the domain name must be 1 to " + MAX_LABEL_LENGTH + " characters long.");
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw new InvalidEmailAddressException("A part of the domain name must not start or end with a hyphen.");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                throw new InvalidEmailAddressException("The domain name may contain only letters, digits and hyphens.");
            }
        }
    }

    /** The address as given, trimmed: what the person is shown. */
    public String value() {
        return value;
    }

    /** The form two addresses are compared by, for quotas and uniqueness. */
    public String canonical() {
        return canonical;
    }

    /** The address to put on the envelope: as given, with the domain in its ASCII form. */
    public String deliverable() {
        return deliverable;
    }

    /**
     * The address shortened for logs and the audit trail ({@code j***@example.com}): the first
     * character of the local part and the ASCII domain. Enough to tell one's own addresses apart,
     * too little to harvest them.
     */
    public String masked() {
        int at = deliverable.lastIndexOf('@');
        return deliverable.charAt(0) + "***" + deliverable.substring(at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    @Override
    public String toString() {
        return value;
    }
}
