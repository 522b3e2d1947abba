package dev.authbackbone.application.mail;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.token.CodeKey;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.OneTimeCode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the mail a typed code belongs to. Every check is counted in storage before the code is
 * compared, so that however many guesses arrive at once, no mail is checked more than
 * {@value EmailToken#MAX_CODE_CHECKS} times; a wrong code counts against each mail it was checked against.
 */
public final class MailedCodes {

    private final EmailTokenRepository tokens;
    private final CodeKey key;

    /** Over {@code tokens}, whose codes were hashed with {@code key}. */
    public MailedCodes(EmailTokenRepository tokens, CodeKey key) {
        this.tokens = tokens;
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * Inside a unit of work: the {@code purpose} mail to {@code email} (asked for by {@code requester},
     * for a confirmation) whose code {@code code} is, its check claimed; empty when it matches none.
     */
    public Optional<EmailToken> match(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester,
                                      OneTimeCode code, Instant now) {
        for (EmailToken candidate : tokens.withCheckableCode(email, purpose, requester, now)) {
            Optional<EmailToken> claimed = tokens.claimCodeCheck(candidate.hash(), now);
            if (claimed.isPresent() && claimed.get().codeMatches(code, key)) {
                return claimed;
            }
        }
        return Optional.empty();
    }
}
