package dev.authbackbone.domain.port.in.signin;

/** Anyone asks for a magic link to sign in as an address. */
public interface RequestSignInLinkUseCase {

    /** Mails a sign-in link (or a notice, for a disabled account) within the per-address quota. */
    RequestSignInLinkResult request(RequestSignInLinkCommand command);
}
