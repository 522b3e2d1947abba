package dev.authbackbone.domain.port.in.signin;

/** The holder of a magic-link token uses it to sign in; the first sign-in opens the account. */
public interface SignInWithLinkUseCase {

    /** Consumes the token and names the account signed in to. */
    SignInWithLinkResult signIn(SignInWithLinkCommand command);
}
