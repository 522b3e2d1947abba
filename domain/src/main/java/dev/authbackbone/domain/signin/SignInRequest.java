package dev.authbackbone.domain.signin;

import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.token.EmailPurpose;
import java.util.Optional;

/** The rules of asking for a magic link. */
public final class SignInRequest {

    private SignInRequest() {}

    /**
     * Decides a request to mail {@code to} a sign-in link: refused when the address's quota is used
     * up; a notice instead of a link when the account holding the address may not act; else a link,
     * whether or not an account holds the address (the first sign-in opens one). Mail to a held
     * address goes to the spelling its holder gave.
     */
    public static LinkDecision decide(QuotaDecision perAddress, Optional<AddressHolder> holder, EmailAddress to) {
        if (perAddress instanceof QuotaDecision.Exhausted exhausted) {
            return new LinkDecision.Refuse(Reason.PER_ADDRESS, Optional.of(exhausted.retryAfter()),
                    EmailPurpose.SIGN_IN, Optional.empty(), Optional.of(to));
        }
        EmailAddress deliverTo = holder.map(AddressHolder::address).orElse(to);
        if (holder.isPresent() && holder.get().account().standing() instanceof AccountStanding.Refused) {
            return new LinkDecision.SendNotice(EmailPurpose.SIGN_IN, Optional.empty(), to, deliverTo);
        }
        return new LinkDecision.SendLink(EmailPurpose.SIGN_IN, Optional.empty(), to, deliverTo, Optional.empty());
    }
}
