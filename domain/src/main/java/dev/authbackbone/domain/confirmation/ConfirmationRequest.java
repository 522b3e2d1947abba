package dev.authbackbone.domain.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.LinkDecision;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The rules of asking for a confirmation mail, first or again. */
public final class ConfirmationRequest {

    private static final EmailPurpose PURPOSE = EmailPurpose.EMAIL_CONFIRMATION;

    private ConfirmationRequest() {}

    /**
     * Decides a request of {@code requester} to have {@code to} mailed a confirmation: refused when
     * the account may not act or a quota (the account's first, then the address's) is used up; else
     * a link, or a notice when any account already holds the address (mailed to the spelling its
     * holder gave), so the answer tells nothing.
     * The link names the requester by {@code requesterPrimary}, its primary address.
     */
    public static LinkDecision decide(AccountId requesterId, AccountStanding requester, Optional<EmailAddress> requesterPrimary,
                                      Optional<AddressHolder> holder, QuotaDecision perAccount, QuotaDecision perAddress,
                                      EmailAddress to) {
        Optional<AccountId> asker = Optional.of(requesterId);
        if (requester instanceof AccountStanding.Refused refused) {
            return new LinkDecision.Refuse(refused.why(), Optional.empty(), PURPOSE, asker, Optional.of(to));
        }
        if (perAccount instanceof QuotaDecision.Exhausted exhausted) {
            return new LinkDecision.Refuse(Reason.PER_ACCOUNT, Optional.of(exhausted.retryAfter()), PURPOSE, asker,
                    Optional.of(to));
        }
        if (perAddress instanceof QuotaDecision.Exhausted exhausted) {
            return new LinkDecision.Refuse(Reason.PER_ADDRESS, Optional.of(exhausted.retryAfter()), PURPOSE, asker,
                    Optional.of(to));
        }
        if (holder.isPresent()) {
            return new LinkDecision.SendNotice(PURPOSE, asker, to, holder.get().address());
        }
        return new LinkDecision.SendLink(PURPOSE, asker, to, Optional.of(requesterPrimary
                .orElseThrow(() -> new IllegalStateException("an account that may act has a primary address"))));
    }

    /**
     * Which address a re-send is for: the {@code named} one if it is pending, else the most recent
     * pending one ({@code pending} is newest first). Refused when the account may not act, when the
     * named address is already one of its {@code verified} identities, or when nothing is pending.
     */
    public static ResendTarget resendTarget(AccountStanding requester, List<EmailIdentity> verified,
                                            List<EmailToken> pending, Optional<EmailAddress> named) {
        if (requester instanceof AccountStanding.Refused refused) {
            return new ResendTarget.Refused(refused.why(), named);
        }
        if (named.isPresent() && verified.stream().anyMatch(identity -> identity.email().equals(named.get()))) {
            return new ResendTarget.Refused(Reason.ALREADY_CONFIRMED, named);
        }
        return pending.stream()
                .map(EmailToken::email)
                .filter(email -> named.map(email::equals).orElse(true))
                .findFirst()
                .<ResendTarget>map(ResendTarget.Address::new)
                .orElseGet(() -> new ResendTarget.Refused(Reason.NO_PENDING_CONFIRMATION, named));
    }

    /** The address a re-send goes to, or why there is none. */
    public sealed interface ResendTarget {

        /** {@code ifRefused} or {@code ifAddress} applied to this target, whichever it is. */
        <T> T map(Function<Refused, T> ifRefused, Function<Address, T> ifAddress);

        /** Mail {@code email} again (still subject to the quotas). */
        record Address(EmailAddress email) implements ResendTarget {
            public Address {
                Objects.requireNonNull(email, "email");
            }

            @Override
            public <T> T map(Function<Refused, T> ifRefused, Function<Address, T> ifAddress) {
                return ifAddress.apply(this);
            }
        }

        /** Nothing to re-send: {@code why}, about the {@code named} address when one was named. */
        record Refused(Reason why, Optional<EmailAddress> named) implements ResendTarget {
            public Refused {
                Objects.requireNonNull(why, "why");
                Objects.requireNonNull(named, "named");
            }

            @Override
            public <T> T map(Function<Refused, T> ifRefused, Function<Address, T> ifAddress) {
                return ifRefused.apply(this);
            }

            /** The refusal of a re-send by {@code requester}. */
            public LinkDecision.Refuse refusal(AccountId requester) {
                return new LinkDecision.Refuse(why, Optional.empty(), PURPOSE, Optional.of(requester), named);
            }
        }
    }
}
