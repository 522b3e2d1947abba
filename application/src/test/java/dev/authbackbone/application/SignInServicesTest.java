package dev.authbackbone.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.application.signin.SignInWithLinkService;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SignInServicesTest {

    private final Fixture f = new Fixture();

    private String requestLink(String address) {
        assertThat(f.requestSignIn.request(new RequestSignInLinkCommand(email(address))))
                .isInstanceOf(RequestSignInLinkResult.Accepted.class);
        return f.lastLinkToken();
    }

    private SignInWithLinkResult signIn(String token) {
        return f.signIn.signIn(new SignInWithLinkCommand(token));
    }

    @Test
    void signIn_firstTime_opensAccountWithVerifiedPrimaryAddress() {
        SignInWithLinkResult result = signIn(requestLink("Dana@Example.com"));

        SignInWithLinkResult.SignedIn signedIn = (SignInWithLinkResult.SignedIn) result;
        assertThat(signedIn.opened()).isTrue();
        assertThat(f.accounts.identitiesOf(signedIn.account())).singleElement()
                .satisfies(identity -> {
                    assertThat(identity.primary()).isTrue();
                    assertThat(identity.email().value()).isEqualTo("Dana@Example.com");
                });
    }

    /**
     * An address that changes hands on every look while its holder is being locked: the sign-in is
     * refused as a passing outage (503, the client retries), never decided on an unlocked read.
     */
    @Test
    void signIn_addressKeepsChangingHandsWhileItsHolderIsLocked_isAnOutageNotAnUnlockedDecision() {
        AccountId dana = f.accountWith("dana@example.com");
        AccountId erin = f.accountWith("erin@example.com");
        String token = requestLink("dana@example.com");
        AtomicInteger looks = new AtomicInteger();
        AccountRepository changingHands = (AccountRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {AccountRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("findByEmail")) {
                        return f.accounts.findForUpdate(looks.getAndIncrement() % 2 == 0 ? dana : erin);
                    }
                    try {
                        return method.invoke(f.accounts, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SignInWithLinkService service = new SignInWithLinkService(changingHands, f.tokens, f.codes, f.unitOfWork, f.audit,
                f.clock, f.random, f.sessions);

        assertThatThrownBy(() -> service.signIn(new SignInWithLinkCommand(token)))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void signIn_again_reachesTheSameAccount() {
        SignInWithLinkResult.SignedIn first = (SignInWithLinkResult.SignedIn) signIn(requestLink("dana@example.com"));
        SignInWithLinkResult.SignedIn second = (SignInWithLinkResult.SignedIn) signIn(requestLink("DANA@example.com"));

        assertThat(second.account()).isEqualTo(first.account());
        assertThat(second.opened()).isFalse();
    }

    @Test
    void signIn_tokenIsSingleUseAndExpires() {
        String used = requestLink("erin@example.com");
        assertThat(signIn(used)).isInstanceOf(SignInWithLinkResult.SignedIn.class);
        assertThat(signIn(used)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);

        String late = requestLink("erin@example.com");
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(signIn(late)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
    }

    @Test
    void signIn_confirmationTokenCannotSignIn() {
        var alice = f.accountWith("alice@example.com");
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("z@example.com")));

        assertThat(signIn(f.lastLinkToken())).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
    }

    @Test
    void requestSignIn_disabledAccount_getsANoticeThroughTheSameSteps() {
        var alice = f.accountWith("alice@example.com");
        f.manage.setDisabled(alice.toString(), true);

        assertThat(f.requestSignIn.request(new RequestSignInLinkCommand(email("alice@example.com"))))
                .isInstanceOf(RequestSignInLinkResult.Accepted.class);
        assertThat(f.mail.last()).isInstanceOf(Mail.AccountDisabledNotice.class);
        assertThat(f.tokens.all()).hasSize(1).noneMatch(t -> t.isUsableAt(f.clock.instant()));
    }

    @Test
    void signIn_accountDisabledAfterTheLinkWasSent_isInvalid() {
        var alice = f.accountWith("alice@example.com");
        String token = requestLink("alice@example.com");
        f.manage.setDisabled("alice@example.com", true);

        assertThat(signIn(token)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
        f.manage.setDisabled(alice.toString(), false);
        assertThat(signIn(requestLink("alice@example.com"))).isInstanceOfSatisfying(SignInWithLinkResult.SignedIn.class,
                signedIn -> assertThat(signedIn.account()).isEqualTo(alice));
    }

    @Test
    void requestSignIn_hasItsOwnQuotaBucket() {
        var alice = f.accountWith("alice@example.com");
        for (int i = 0; i < 3; i++) {
            f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("pat@example.com")));
        }
        for (int i = 0; i < 3; i++) {
            requestLink("pat@example.com");
        }
        assertThat(f.requestSignIn.request(new RequestSignInLinkCommand(email("pat@example.com"))))
                .isInstanceOf(RequestSignInLinkResult.RateLimited.class);
    }

    @Test
    void signIn_firstSignIn_revokesOtherAccountsPendingConfirmations_whichThenAnswerTaken() {
        var alice = f.accountWith("alice@example.com");
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("sam@example.com")));
        String confirmation = f.lastLinkToken();

        signIn(requestLink("sam@example.com"));

        assertThat(f.confirm.confirm(new ConfirmEmailCommand(confirmation)))
                .isInstanceOf(ConfirmEmailResult.AddressTaken.class);
        assertThat(f.accounts.identitiesOf(alice)).extracting(EmailIdentity::email).containsExactly(email("alice@example.com"));
    }
}
