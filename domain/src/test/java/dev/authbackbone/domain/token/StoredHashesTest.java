package dev.authbackbone.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoredHashesTest {

    private static final String HASH = "0123456789abcdef".repeat(4);
    private static final String SALT = "fedcba9876543210".repeat(2);

    @Test
    void lowerCaseHexOfTheRightLength_isAccepted() {
        assertThat(new TokenHash(HASH).hex()).isEqualTo(HASH);
        assertThat(new CodeHash(SALT, HASH, 1).salt()).isEqualTo(SALT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde ",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde/",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde:",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde`"})
    void anythingElse_isRefused_asATokenHashOrACodeHash(String hex) {
        assertThatThrownBy(() -> new TokenHash(hex)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CodeHash(SALT, hex, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "FEDCBA9876543210fedcba9876543210", "fedcba9876543210fedcba987654321", "fedcba9876543210fedcba9876543210f"})
    void aSaltThatIsNot32LowerCaseHexDigits_isRefused(String salt) {
        assertThatThrownBy(() -> new CodeHash(salt, HASH, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
