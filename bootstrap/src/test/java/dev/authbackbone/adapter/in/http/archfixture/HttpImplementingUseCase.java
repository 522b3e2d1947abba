package dev.authbackbone.adapter.in.http.archfixture;

import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailUseCase;

/** Breaks a rule on purpose: a use case implemented outside {@code application}, by a class not named {@code *Service}. */
public final class HttpImplementingUseCase implements ConfirmEmailUseCase {

    @Override
    public ConfirmEmailResult confirm(ConfirmEmailCommand command) {
        return new ConfirmEmailResult.InvalidToken();
    }
}
