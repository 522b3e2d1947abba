package dev.authbackbone.domain.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmailIdentityTest {

    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static EmailIdentity identity(String email, boolean primary) {
        return new EmailIdentity(ADA, EmailAddress.parse(email), primary, NOW);
    }

    @Test
    void primaryAmong_identitiesOfAnAccount_isThePrimaryWhereverItStands() {
        List<EmailIdentity> identities = List.of(identity("work@example.org", false), identity("Ada@Example.com", true),
                identity("old@example.net", false));

        assertThat(EmailIdentity.primaryAmong(identities)).map(EmailAddress::value).contains("Ada@Example.com");
    }

    @Test
    void primaryAmong_noPrimary_isEmpty() {
        assertThat(EmailIdentity.primaryAmong(List.of(identity("work@example.org", false)))).isEmpty();
        assertThat(EmailIdentity.primaryAmong(List.of())).isEmpty();
    }
}
