package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Whatever an address's state, the request is answered alike; verified addresses get a notice. */
@OnEveryDatabase
class NoEnumerationEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void unknownPendingVerifiedHereAndVerifiedElsewhere_getByteIdenticalAnswers() {
        try (TestServer server = TestServer.start(database)) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            server.openAccount("bob@example.com");
            String pending = "pending@example.com";
            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + pending + "\"}", alice);

            Answer unknown = request(server, alice, "unknown@example.com");
            Answer stillPending = request(server, alice, pending);
            Answer verifiedHere = request(server, alice, "alice@example.com");
            Answer verifiedElsewhere = request(server, alice, "bob@example.com");

            for (Answer answer : List.of(stillPending, verifiedHere, verifiedElsewhere)) {
                assertThat(answer.status()).isEqualTo(unknown.status()).isEqualTo(202);
                assertThat(answer.body()).isEqualTo(unknown.body());
                assertThat(comparableHeaders(answer)).isEqualTo(comparableHeaders(unknown));
            }

            assertNotice(server.mailsTo("alice@example.com"));
            assertNotice(server.mailsTo("bob@example.com"));
            assertThat(TestServer.text(last(server.mailsTo("unknown@example.com")))).contains("token=");
        }
    }

    private static Answer request(TestServer server, String bearer, String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer);
    }

    private static Map<String, List<String>> comparableHeaders(Answer answer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(answer.headers());
        headers.remove("date");
        headers.remove("x-request-id");
        return headers;
    }

    private static void assertNotice(List<MimeMessage> mails) {
        assertThat(mails).hasSize(1);
        String text = TestServer.text(mails.get(0));
        assertThat(text).doesNotContain("token=").doesNotContain("confirm-email");
    }

    private static MimeMessage last(List<MimeMessage> mails) {
        return mails.get(mails.size() - 1);
    }
}
