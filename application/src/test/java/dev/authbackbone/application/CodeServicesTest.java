package dev.authbackbone.application;

import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.PreviewConfirmationResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailResult;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailWithCodeCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithCodeCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The code mailed next to each link: one credential with the link, bound to its address and (to confirm) its requester. */
class CodeServicesTest {

    private final Fixture f = new Fixture();

    private SignInWithLinkResult signInWithCode(String address, String code) {
        return f.signIn.signIn(new SignInWithCodeCommand(email(address), code, RequestOrigin.unknown()));
    }

    private ConfirmEmailResult confirmWithCode(AccountId account, String address, String code) {
        return f.confirm.confirm(new ConfirmEmailWithCodeCommand(account, email(address), code, RequestOrigin.unknown()));
    }

    private static String wrongFor(String code) {
        return code.equals("WXYZ2345") ? "WXYZ2346" : "WXYZ2345";
    }

    @Test
    void signInWithCode_signsIn_andSpendsTheLink() {
        f.requestSignIn.request(new RequestSignInLinkCommand(email("dana@example.com")));
        String token = f.lastLinkToken();

        assertThat(signInWithCode("DANA@example.com", f.lastCode().toLowerCase())).isInstanceOf(SignInWithLinkResult.SignedIn.class);

        assertThat(f.signIn.signIn(new SignInWithLinkCommand(token))).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
    }

    @Test
    void signInWithCode_wrongAddressOrExpired_isInvalid_andRecordedAsInvalidCode() {
        f.requestSignIn.request(new RequestSignInLinkCommand(email("dana@example.com")));
        String code = f.lastCode();

        assertThat(signInWithCode("erin@example.com", code)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
        assertThat(f.audit.all()).last().extracting(AuditEvent::reason).isEqualTo(java.util.Optional.of("invalid_code"));
        f.clock.advance(Duration.ofMinutes(15));
        assertThat(signInWithCode("dana@example.com", code)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
    }

    @Test
    void fiveWrongCodes_killTheMail_andEachCheckIsCounted() {
        f.requestSignIn.request(new RequestSignInLinkCommand(email("dana@example.com")));
        String code = f.lastCode();
        String token = f.lastLinkToken();

        for (int i = 0; i < EmailToken.MAX_CODE_CHECKS; i++) {
            assertThat(signInWithCode("dana@example.com", wrongFor(code))).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
        }

        assertThat(f.tokens.all()).singleElement().extracting(EmailToken::codeChecks).isEqualTo(EmailToken.MAX_CODE_CHECKS);
        assertThat(signInWithCode("dana@example.com", code)).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
        assertThat(f.signIn.signIn(new SignInWithLinkCommand(token))).isInstanceOf(SignInWithLinkResult.InvalidToken.class);
    }

    @Test
    void unreadableCode_touchesNoToken() {
        f.requestSignIn.request(new RequestSignInLinkCommand(email("dana@example.com")));

        assertThat(signInWithCode("dana@example.com", "not a code")).isInstanceOf(SignInWithLinkResult.InvalidToken.class);

        assertThat(f.tokens.all()).singleElement().extracting(EmailToken::codeChecks).isEqualTo(0);
    }

    @Test
    void confirmWithCode_onlyForTheAccountThatAsked() {
        AccountId alice = f.accountWith("alice@example.com");
        AccountId mallory = f.accountWith("mallory@example.com");
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("alice.work@example.com")));
        String code = f.lastCode();
        String token = f.lastLinkToken();

        assertThat(confirmWithCode(mallory, "alice.work@example.com", code)).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
        assertThat(f.tokens.all()).allSatisfy(t -> assertThat(t.codeChecks()).isZero());

        assertThat(confirmWithCode(alice, "alice.work@example.com", code))
                .isEqualTo(new ConfirmEmailResult.Confirmed(email("alice.work@example.com")));
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(token))).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }

    @Test
    void confirmWithCode_afterAnotherAccountLinkedTheAddress_isAddressTaken() {
        AccountId alice = f.accountWith("alice@example.com");
        AccountId bob = f.accountWith("bob@example.com");
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("shared@example.com")));
        String aliceCode = f.lastCode();
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(bob), email("shared@example.com")));
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken()))).isInstanceOf(ConfirmEmailResult.Confirmed.class);

        assertThat(confirmWithCode(alice, "shared@example.com", aliceCode)).isInstanceOf(ConfirmEmailResult.AddressTaken.class);
    }

    @Test
    void noticeMail_storesACodeHashLikeALink_butMailsNone() {
        f.accountWith("alice@example.com");
        AccountId bob = f.accountWith("bob@example.com");

        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(bob), email("alice@example.com")));

        assertThat(f.mail.last()).isInstanceOf(dev.authbackbone.domain.mail.Mail.AlreadyLinkedNotice.class);
        assertThat(f.tokens.all()).filteredOn(t -> t.email().equals(email("alice@example.com")))
                .singleElement().satisfies(t -> {
                    assertThat(t.code()).isPresent();
                    assertThat(t.consumedAt()).isPresent();
                });
    }

    @Test
    void confirmationSpoiledByWrongCodes_itsPageNoLongerNamesTheAddress_butItStaysPending() {
        AccountId alice = f.accountWith("alice@example.com");
        f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email("alice.work@example.com")));
        String code = f.lastCode();
        String token = f.lastLinkToken();

        for (int i = 0; i < EmailToken.MAX_CODE_CHECKS; i++) {
            confirmWithCode(alice, "alice.work@example.com", wrongFor(code));
        }

        assertThat(f.preview.preview(new PreviewConfirmationCommand(token))).isInstanceOf(PreviewConfirmationResult.Unusable.class);
        assertThat(f.tokens.pendingConfirmations(alice, f.clock.instant())).hasSize(1);
        assertThat(f.confirm.confirm(new ConfirmEmailCommand(token))).isInstanceOf(ConfirmEmailResult.InvalidToken.class);
    }
}
