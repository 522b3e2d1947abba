package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Stored tokens for tests: {@code anEmailToken().to("a@example.org").issuedAt(t).build()}. By
 * default an unused confirmation of {@link AccountTestData#ID}, valid for 24 hours.
 */
public final class EmailTokenTestData {

    private TokenHash hash = new TokenHash("ab".repeat(32));
    private EmailPurpose purpose = EmailPurpose.EMAIL_CONFIRMATION;
    private Optional<AccountId> account = Optional.of(AccountTestData.ID);
    private EmailAddress email = EmailAddress.parse("pending@example.org");
    private Instant issuedAt = AccountTestData.CREATED_AT;
    private Duration ttl = Duration.ofHours(24);
    private Optional<Instant> consumedAt = Optional.empty();

    private EmailTokenTestData() {}

    /** An unused confirmation token with fixed defaults. */
    public static EmailTokenTestData anEmailToken() {
        return new EmailTokenTestData();
    }

    public EmailTokenTestData hash(TokenHash hash) {
        this.hash = hash;
        return this;
    }

    public EmailTokenTestData forSignIn() {
        this.purpose = EmailPurpose.SIGN_IN;
        this.account = Optional.empty();
        return this;
    }

    public EmailTokenTestData account(AccountId account) {
        this.account = Optional.of(account);
        return this;
    }

    public EmailTokenTestData to(String address) {
        this.email = EmailAddress.parse(address);
        return this;
    }

    public EmailTokenTestData issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    public EmailTokenTestData expiresAfter(Duration ttl) {
        this.ttl = ttl;
        return this;
    }

    public EmailTokenTestData consumedAt(Instant consumedAt) {
        this.consumedAt = Optional.of(consumedAt);
        return this;
    }

    public EmailToken build() {
        return EmailToken.restore(hash, purpose, account, email, issuedAt, issuedAt.plus(ttl), consumedAt);
    }
}
