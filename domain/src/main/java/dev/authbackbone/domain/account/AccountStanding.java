package dev.authbackbone.domain.account;

import dev.authbackbone.domain.reason.Reason;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Whether an account may act, as {@link Account#standing()} and {@link Account#standingOf} decide it. */
public sealed interface AccountStanding {

    /** {@code ifMayAct} applied to the account that may act, or {@code ifRefused} to the refusal. */
    <T> T map(Function<Account, T> ifMayAct, Function<Refused, T> ifRefused);

    /** Whether the account is unknown, as opposed to disabled. */
    default boolean isUnknown() {
        return map(account -> false, refused -> refused.why() == Reason.UNKNOWN_ACCOUNT);
    }

    /** The account exists and is enabled. */
    record MayAct(Account account) implements AccountStanding {
        public MayAct {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public <T> T map(Function<Account, T> ifMayAct, Function<Refused, T> ifRefused) {
            return ifMayAct.apply(account);
        }
    }

    /** The account is unknown ({@link Reason#UNKNOWN_ACCOUNT}) or disabled ({@link Reason#ACCOUNT_DISABLED}). */
    record Refused(Reason why, Optional<Account> account) implements AccountStanding {
        public Refused {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(account, "account");
        }

        @Override
        public <T> T map(Function<Account, T> ifMayAct, Function<Refused, T> ifRefused) {
            return ifRefused.apply(this);
        }
    }
}
