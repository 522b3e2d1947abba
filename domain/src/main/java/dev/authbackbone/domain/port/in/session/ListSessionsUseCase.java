package dev.authbackbone.domain.port.in.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.Session;
import java.util.List;

/** A signed-in holder lists the account's live sessions. */
public interface ListSessionsUseCase {

    /** The live sessions of {@code account}, newest first. */
    List<Session> list(AccountId account);
}
