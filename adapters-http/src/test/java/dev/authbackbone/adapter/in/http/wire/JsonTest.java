package dev.authbackbone.adapter.in.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTest {

    private final Json json = new Json();

    @Test
    void read_trailingData_isExtraDataAtItsFirstCharacter() {
        MalformedJsonException e = malformed("{\"a\": 1}   x");
        assertThat(e.reason()).isEqualTo("Extra data");
        assertThat(e.offset()).isEqualTo(11);
    }

    @Test
    void read_emptyOrBlank_isExpectingValue() {
        assertThat(malformed("   ").reason()).isEqualTo("Expecting value");
    }

    @Test
    void read_invalidUtf8_namesTheByteOffset() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'};
        MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class, () -> json.read(body));
        assertThat(e.reason()).isEqualTo("Invalid UTF-8");
        assertThat(e.offset()).isEqualTo(6);
    }

    @Test
    void read_duplicateKeyAndDeepNesting_areRefused() {
        assertThat(malformed("{\"a\": 1, \"a\": 2}").reason()).isEqualTo("Duplicate key");
        assertThat(malformed("[".repeat(33) + "]".repeat(33)).reason()).isEqualTo("Nesting too deep");
        assertThat(malformed("[1" + "0".repeat(1000) + "]").reason()).isEqualTo("Value too long");
    }

    static Stream<String> oddTexts() {
        return Stream.of("1e999999999999", "-1e-999999999999", "1e2147483648", "1" + "0".repeat(2000),
                "0." + "1".repeat(2000), "\"\\u12\"", "\"\\x41\"", "tru", "{\"a\" 1}", "{\"a\": 1,}", "[1 2]",
                "{1: 2}", "01", "+1", ".5", "Infinity", "\"" + "a".repeat(30_000) + "\"");
    }

    @ParameterizedTest
    @MethodSource("oddTexts")
    void read_oddNumbersAndSyntax_areMalformedNeverAnotherException(String text) {
        try {
            JsonNode node = json.read(text.getBytes(StandardCharsets.UTF_8));
            assertThat(json.write(node)).isNotEmpty();
        } catch (MalformedJsonException e) {
            assertThat(e.reason()).isNotBlank();
            assertThat(e.offset()).isBetween(0L, (long) text.length());
        }
    }

    @Test
    void echoable_loneSurrogates_areReplacedSoTheAnswerCanBeWritten() throws Exception {
        JsonNode node = json.read("{\"key\": [\"a\\ud800\", \"\\udc00b\", \"\\ud83d\\ude00\"]}".getBytes(StandardCharsets.UTF_8));

        JsonNode written = new ObjectMapper().readTree(json.write(Json.echoable(node)));

        assertThat(written.get("key")).extracting(JsonNode::textValue).containsExactly("a\uFFFD", "\uFFFDb", "\uD83D\uDE00");
    }

    @Test
    void read_loneSurrogateInAKey_isRefused() {
        assertThat(malformed("{\"\\udc00key\": 1}").reason()).isEqualTo("Invalid surrogate");
    }

    private MalformedJsonException malformed(String text) {
        return catchThrowableOfType(MalformedJsonException.class, () -> json.read(text.getBytes(StandardCharsets.UTF_8)));
    }
}
