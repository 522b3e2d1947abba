package dev.authbackbone.application.mail;

import dev.authbackbone.domain.quota.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * The tunable rules of mailing links: how long each kind of token lives, and the quotas. The
 * per-address limit applies to each purpose's bucket separately (confirmations, sign-ins).
 */
public record EmailLinkPolicy(Duration confirmationTtl, Duration signInTtl, RateLimit perAddress, RateLimit perAccount) {

    public EmailLinkPolicy {
        Objects.requireNonNull(confirmationTtl, "confirmationTtl");
        Objects.requireNonNull(signInTtl, "signInTtl");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(perAccount, "perAccount");
    }

    /** The longest window any quota counts back over: ledger entries older than that are never counted again. */
    public Duration longestQuotaWindow() {
        return perAddress.window().compareTo(perAccount.window()) >= 0 ? perAddress.window() : perAccount.window();
    }

    /** The documented defaults: 24 h and 15 min tokens, 3 per address and 20 per account per window. */
    public static EmailLinkPolicy defaults() {
        return new EmailLinkPolicy(Duration.ofHours(24), Duration.ofMinutes(15),
                new RateLimit(3, Duration.ofMinutes(15)), new RateLimit(20, Duration.ofHours(1)));
    }
}
