package dev.authbackbone.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.SeededRandomSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class OneTimeCodeTest {

    private static final EmailAddress ADA = EmailAddress.parse("Ada@Example.com");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static final byte[] KEY_BYTES = "a code key of thirty-two bytes!!".getBytes(StandardCharsets.US_ASCII);
    private static final CodeKey KEY = CodeKey.of(KEY_BYTES);

    private final SeededRandomSource random = new SeededRandomSource(11);

    @Test
    void generate_eightSymbolsFromTheAlphabetWithoutLookAlikes_andRedactsItself() {
        OneTimeCode code = OneTimeCode.generate(random);

        assertThat(code.reveal()).hasSize(8).matches("[" + OneTimeCode.ALPHABET + "]{8}").doesNotContainPattern("[01OILU]");
        assertThat(OneTimeCode.ALPHABET).hasSize(30);
        assertThat(code.toString()).doesNotContain(code.reveal());
    }

    @Test
    void generate_usesEverySymbolAboutEquallyOften() {
        Map<Character, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            for (char c : OneTimeCode.generate(random).reveal().toCharArray()) {
                counts.merge(c, 1, Integer::sum);
            }
        }

        // 24,000 symbols: 800 each on average; a skew (such as a modulo bias) would stand out.
        assertThat(counts).hasSize(30);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(650, 950));
    }

    @Test
    void parse_acceptsWhatPeopleType_andRejectsAnythingElse() {
        assertThat(OneTimeCode.parse("7kq4-m2xd").map(OneTimeCode::reveal)).contains("7KQ4M2XD");
        assertThat(OneTimeCode.parse(" 7KQ4 M2XD ").map(OneTimeCode::reveal)).contains("7KQ4M2XD");
        assertThat(OneTimeCode.parse(null)).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2X")).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2XDA")).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2X0")).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2XO")).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2X\u0130")).isEmpty();
        assertThat(OneTimeCode.parse("7KQ4M2X\n")).isEmpty();
        assertThat(OneTimeCode.parse("-".repeat(1000))).isEmpty();
    }

    @Test
    void hashFor_withoutKey_isAFreshlySaltedPbkdf2OfCodeAndAddress_thatMatchesOnlyBoth() throws Exception {
        OneTimeCode code = OneTimeCode.parse("7KQ4M2XD").orElseThrow();

        CodeHash stored = code.hashFor(ADA, CodeKey.NONE, random);

        // The JDK's PBKDF2 over the same inputs gives the same bytes: the hand-written one is the standard one.
        assertThat(stored.rounds()).isEqualTo(OneTimeCode.ROUNDS).isEqualTo(1);
        assertThat(stored.hex()).isEqualTo(jdkPbkdf2("7KQ4M2XD", stored.salt(), "ada@example.com", new byte[0], stored.rounds()));

        assertThat(code.matches(stored, EmailAddress.parse("ada@EXAMPLE.com"), CodeKey.NONE)).isTrue();
        assertThat(code.matches(stored, EmailAddress.parse("bob@example.com"), CodeKey.NONE)).isFalse();
        assertThat(OneTimeCode.parse("7KQ4M2XE").orElseThrow().matches(stored, ADA, CodeKey.NONE)).isFalse();
        assertThat(code.hashFor(ADA, CodeKey.NONE, random)).isNotEqualTo(stored);
    }

    @Test
    void hashFor_withKey_mixesTheKeyIn_soTheRowAloneCannotBeCheckedOffline() throws Exception {
        OneTimeCode code = OneTimeCode.parse("7KQ4M2XD").orElseThrow();

        CodeHash stored = code.hashFor(ADA, KEY, random);

        assertThat(stored.hex()).isEqualTo(jdkPbkdf2("7KQ4M2XD", stored.salt(), "ada@example.com", KEY_BYTES, 1));
        // Someone who read the row and knows the code's alphabet, but not the key, cannot test a guess.
        assertThat(stored.hex()).isNotEqualTo(jdkPbkdf2("7KQ4M2XD", stored.salt(), "ada@example.com", new byte[0], 1));
        assertThat(code.matches(stored, ADA, KEY)).isTrue();
        assertThat(code.matches(stored, ADA, CodeKey.NONE)).as("without the key").isFalse();
        assertThat(code.matches(stored, ADA, CodeKey.of(new byte[32]))).as("with another key").isFalse();
        assertThat(KEY).hasToString("CodeKey[redacted]");
    }

    @Test
    void matches_hashMadeWithMoreRounds_checksWithTheRoundsItNames_andWithoutTheKeyItPredates() throws Exception {
        String salt = "00112233445566778899aabbccddeeff";
        CodeHash olderSetting = new CodeHash(salt, jdkPbkdf2("7KQ4M2XD", salt, "ada@example.com", new byte[0], 1_000), 1_000);

        assertThat(OneTimeCode.parse("7KQ4M2XD").orElseThrow().matches(olderSetting, ADA, KEY)).isTrue();
        assertThat(OneTimeCode.parse("7KQ4M2XE").orElseThrow().matches(olderSetting, ADA, KEY)).isFalse();
        assertThat(OneTimeCode.parse("7KQ4M2XD").orElseThrow()
                .matches(new CodeHash(salt, olderSetting.hex(), 1), ADA, CodeKey.NONE)).as("the same bytes under another count")
                .isFalse();
    }

    @Test
    void codeKey_shorterThan32Bytes_isRefused() {
        assertThatThrownBy(() -> CodeKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * PBKDF2-HMAC-SHA256 from the JDK, with the row's salt and the canonical address (a zero byte
     * between) and, when given, a zero byte and the key as its salt.
     */
    private static String jdkPbkdf2(String code, String saltHex, String canonical, byte[] key, int rounds) throws Exception {
        byte[] salt = HexFormat.of().parseHex(saltHex);
        byte[] address = canonical.getBytes(StandardCharsets.UTF_8);
        byte[] fullSalt = new byte[salt.length + 1 + address.length + (key.length == 0 ? 0 : 1 + key.length)];
        System.arraycopy(salt, 0, fullSalt, 0, salt.length);
        System.arraycopy(address, 0, fullSalt, salt.length + 1, address.length);
        System.arraycopy(key, 0, fullSalt, fullSalt.length - key.length, key.length);
        return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(code.toCharArray(), fullSalt, rounds, 256)).getEncoded());
    }

    @Test
    void emailToken_codeChecks_areCountedToFive_afterWhichNeitherCodeNorLinkWorks() {
        OneTimeCode code = OneTimeCode.generate(random);
        EmailToken token = EmailToken.issue(OneTimeToken.generate(random), code.hashFor(ADA, KEY, random), EmailPurpose.SIGN_IN,
                Optional.empty(), ADA, NOW, Duration.ofMinutes(15));

        for (int check = 1; check <= EmailToken.MAX_CODE_CHECKS; check++) {
            token = token.claimCodeCheckAt(NOW).orElseThrow();
            assertThat(token.codeChecks()).isEqualTo(check);
        }

        assertThat(token.claimCodeCheckAt(NOW)).isEmpty();
        assertThat(token.consumeAt(NOW)).as("the link").isEmpty();
        assertThat(token.isUsableAt(NOW)).as("still pending, so it can be sent again").isTrue();
        assertThat(token.codeMatches(code, KEY)).isTrue();
        assertThat(token.consumeByCodeAt(NOW)).as("the fifth check, if it was the right code").isPresent();
    }

    @Test
    void emailToken_usedByItsLink_cannotBeUsedByItsCode_andExpiryEndsChecks() {
        EmailToken token = EmailToken.issue(OneTimeToken.generate(random), OneTimeCode.generate(random).hashFor(ADA, KEY, random),
                EmailPurpose.SIGN_IN, Optional.empty(), ADA, NOW, Duration.ofMinutes(15));

        EmailToken used = token.consumeAt(NOW).orElseThrow();

        assertThat(used.consumeByCodeAt(NOW)).isEmpty();
        assertThat(token.claimCodeCheckAt(NOW.plus(Duration.ofMinutes(15)))).isEmpty();
        assertThat(EmailToken.issue(OneTimeToken.generate(random), EmailPurpose.SIGN_IN, Optional.empty(), ADA, NOW,
                Duration.ofMinutes(15)).claimCodeCheckAt(NOW)).as("a token without a code").isEmpty();
    }
}
