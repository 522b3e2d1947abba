package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailRequest;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger as a list; {@link #lock} is implied by {@link InMemoryUnitOfWork}'s one-at-a-time rule. */
public final class InMemoryEmailRequestLedger implements EmailRequestLedger {

    private final List<EmailRequest> requests = new ArrayList<>();

    @Override
    public void lock(EmailAddress email, EmailPurpose purpose) {
        // Units of work already run one at a time.
    }

    @Override
    public synchronized List<Instant> acceptedSince(EmailAddress email, EmailPurpose purpose, Instant since) {
        return requests.stream()
                .filter(r -> r.email().equals(email) && r.purpose() == purpose && r.acceptedAt().isAfter(since))
                .map(EmailRequest::acceptedAt)
                .toList();
    }

    @Override
    public synchronized List<Instant> acceptedFromAccountSince(AccountId account, Instant since) {
        return requests.stream()
                .filter(r -> r.account().equals(Optional.of(account)) && r.acceptedAt().isAfter(since))
                .map(EmailRequest::acceptedAt)
                .toList();
    }

    @Override
    public synchronized void record(EmailRequest request) {
        requests.add(request);
    }

    @Override
    public synchronized void forget(UUID requestId) {
        requests.removeIf(r -> r.id().equals(requestId));
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = requests.size();
        requests.removeIf(r -> r.acceptedAt().isBefore(cutoff));
        return before - requests.size();
    }

    /** Every recorded request, for assertions. */
    public synchronized List<EmailRequest> all() {
        return List.copyOf(requests);
    }
}
