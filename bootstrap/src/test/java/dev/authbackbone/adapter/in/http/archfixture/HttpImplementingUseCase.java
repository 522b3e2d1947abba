package dev.authbackbone.adapter.in.http.archfixture;

import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkUseCase;

/** Breaks a rule on purpose: a use case implemented outside {@code application}, by a class not named {@code *Service}. */
public final class HttpImplementingUseCase implements RequestSignInLinkUseCase {

    @Override
    public RequestSignInLinkResult request(RequestSignInLinkCommand command) {
        return new RequestSignInLinkResult.Accepted();
    }
}
