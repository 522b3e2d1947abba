package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.port.in.account.ViewAccountEventsResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccountEventsRoutesTest {

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void events_signedIn_listsTheCallersEventsWithMaskedAddressesAndNulls() {
        Answer answer = server.get("/api/auth/me/events", "Authorization", server.bearer());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(server.fakes.viewAccountEvents.commands()).containsExactly(FakeUseCases.ACCOUNT);
        assertThat(answer.jsonEquals("{'events': ["
                + " {'type': 'email_confirmed', 'occurred_at': '2026-01-01T08:01:00Z', 'email': 's***@example.org',"
                + "  'reason': null, 'client_ip': '203.0.113.9', 'request_id': 'req-2'},"
                + " {'type': 'account_opened', 'occurred_at': '2026-01-01T08:00:00Z', 'email': null,"
                + "  'reason': null, 'client_ip': null, 'request_id': null}"
                + "]}")).as(answer.body()).isTrue();
    }

    @Test
    void events_withoutToken_is401AndReachesNoUseCase() {
        Answer answer = server.get("/api/auth/me/events");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void events_disabledAccount_is403() {
        server.fakes.viewAccountEvents.answer(new ViewAccountEventsResult.AccountDisabled());

        assertThat(server.get("/api/auth/me/events", "Authorization", server.bearer()).status()).isEqualTo(403);
    }
}
