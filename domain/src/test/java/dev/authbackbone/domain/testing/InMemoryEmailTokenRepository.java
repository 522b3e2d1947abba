package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tokens in a map by hash; consumption is atomic because every method is synchronized. */
public final class InMemoryEmailTokenRepository implements EmailTokenRepository {

    private final Map<TokenHash, EmailToken> tokens = new LinkedHashMap<>();

    @Override
    public synchronized void save(EmailToken token) {
        if (tokens.putIfAbsent(token.hash(), token) != null) {
            throw new IllegalStateException("a token with this hash exists");
        }
    }

    @Override
    public synchronized Optional<EmailToken> consume(TokenHash hash, EmailPurpose purpose, Instant now) {
        EmailToken token = tokens.get(hash);
        if (token == null || token.purpose() != purpose) {
            return Optional.empty();
        }
        Optional<EmailToken> consumed = token.consumeAt(now);
        consumed.ifPresent(t -> tokens.put(hash, t));
        return consumed;
    }

    @Override
    public synchronized List<EmailToken> withCheckableCode(EmailAddress email, EmailPurpose purpose,
                                                          Optional<AccountId> requester, Instant now) {
        return tokens.values().stream()
                .filter(t -> t.email().equals(email) && t.purpose() == purpose)
                .filter(t -> purpose != EmailPurpose.EMAIL_CONFIRMATION || t.account().equals(requester))
                .filter(t -> t.claimCodeCheckAt(now).isPresent())
                // As the database orders them: newest first, equal instants by hash.
                .sorted(Comparator.comparing(EmailToken::issuedAt).reversed().thenComparing(t -> t.hash().hex()))
                .limit(CODE_CANDIDATES)
                .toList();
    }

    @Override
    public synchronized void retireUncheckable(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester,
                                               Instant now) {
        List<TokenHash> checkable = withCheckableCode(email, purpose, requester, now).stream().map(EmailToken::hash).toList();
        tokens.replaceAll((hash, t) -> t.email().equals(email) && t.purpose() == purpose && t.code().isPresent()
                && (purpose != EmailPurpose.EMAIL_CONFIRMATION || t.account().equals(requester))
                && !checkable.contains(hash) ? t.retireAt(now).orElse(t) : t);
    }

    @Override
    public synchronized Optional<EmailToken> claimCodeCheck(TokenHash hash, Instant now) {
        return replaced(hash, token -> token.claimCodeCheckAt(now));
    }

    @Override
    public synchronized Optional<EmailToken> consumeByCode(TokenHash hash, Instant now) {
        return replaced(hash, token -> token.consumeByCodeAt(now));
    }

    private Optional<EmailToken> replaced(TokenHash hash, java.util.function.Function<EmailToken, Optional<EmailToken>> change) {
        Optional<EmailToken> changed = Optional.ofNullable(tokens.get(hash)).flatMap(change);
        changed.ifPresent(t -> tokens.put(hash, t));
        return changed;
    }

    @Override
    public synchronized Optional<EmailToken> find(TokenHash hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public synchronized void revokeOutstanding(EmailAddress email, AccountId holder, Instant now) {
        tokens.replaceAll((hash, t) -> t.email().equals(email) ? t.revokeAt(now, holder).orElse(t) : t);
    }

    @Override
    public synchronized void delete(TokenHash hash) {
        tokens.remove(hash);
    }

    @Override
    public synchronized void revokePendingConfirmations(AccountId account, EmailAddress email, Instant now) {
        tokens.replaceAll((hash, t) -> t.purpose() == EmailPurpose.EMAIL_CONFIRMATION && t.email().equals(email)
                && t.account().equals(Optional.of(account)) ? t.withdrawAt(now).orElse(t) : t);
    }

    @Override
    public synchronized void revokeAllPendingConfirmations(AccountId account, Instant now) {
        tokens.replaceAll((hash, t) -> t.purpose() == EmailPurpose.EMAIL_CONFIRMATION
                && t.account().equals(Optional.of(account)) ? t.withdrawAt(now).orElse(t) : t);
    }

    @Override
    public synchronized Optional<EmailAddress> pendingSpelling(AccountId account, EmailAddress email, Instant now) {
        return pendingConfirmations(account, now).stream().filter(t -> t.email().equals(email))
                .min(Comparator.comparing(EmailToken::issuedAt)).map(EmailToken::email);
    }

    @Override
    public synchronized List<EmailToken> pendingConfirmations(AccountId account, Instant now) {
        return tokens.values().stream()
                .filter(t -> t.purpose() == EmailPurpose.EMAIL_CONFIRMATION)
                .filter(t -> t.account().equals(Optional.of(account)) && t.isPendingAt(now))
                .sorted(Comparator.comparing(EmailToken::issuedAt).reversed())
                .toList();
    }

    @Override
    public synchronized int purgeSpentBefore(Instant cutoff) {
        List<TokenHash> spent = new ArrayList<>();
        tokens.forEach((hash, t) -> {
            boolean expired = !t.expiresAt().isAfter(cutoff);
            boolean used = !t.isPlaceholder() && t.consumedAt().map(c -> c.isBefore(cutoff)).orElse(false);
            if (expired || used) {
                spent.add(hash);
            }
        });
        spent.forEach(tokens::remove);
        return spent.size();
    }

    /** Every stored token, for assertions. */
    public synchronized List<EmailToken> all() {
        return List.copyOf(tokens.values());
    }
}
