package dev.authbackbone.domain.port.in.signin;

/** The holder of a sign-in mail types its code instead of following its link; the answer is the link's. */
public interface SignInWithCodeUseCase {

    /** Checks the code against the address's sign-in mails, spends the matching mail (link and code) and signs in. */
    SignInWithLinkResult signIn(SignInWithCodeCommand command);
}
