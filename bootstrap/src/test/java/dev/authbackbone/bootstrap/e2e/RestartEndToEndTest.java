package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Nothing the rules depend on lives in a server's memory: a restarted server on the same database carries on. */
@OnEveryDatabase
class RestartEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void serverRestartedOnTheSameDatabase_keepsVerifiedIdentitiesPendingLinksAndTheQuotaUsed() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        FreshDatabase durable = database.durable();
        try {
            String bearer;
            String pending;
            try (TestServer before = TestServer.instance(durable, smtp, Map.of())) {
                bearer = TestServer.accessToken(before.openAccount("ada@example.com"));
                assertThat(request(before, bearer, "Ada.Work@Example.org").status()).isEqualTo(202);
                assertThat(confirm(before, before.lastTokenMailedTo("ada.work@example.org")).status()).isEqualTo(200);
                assertThat(request(before, bearer, "quota@example.com").status()).isEqualTo(202);
                assertThat(request(before, bearer, "quota@example.com").status()).isEqualTo(202);
                assertThat(request(before, bearer, "pending@example.org").status()).isEqualTo(202);
                pending = before.lastTokenMailedTo("pending@example.org");
            }

            try (TestServer after = TestServer.instance(durable, smtp, Map.of())) {
                JsonNode emails = after.get("/api/auth/me", bearer).json().get("emails");
                assertThat(emails.findValuesAsText("email")).containsExactly("ada@example.com", "Ada.Work@Example.org",
                        "pending@example.org", "quota@example.com");
                assertThat(emails.findValues("verified")).extracting(JsonNode::asBoolean)
                        .containsExactly(true, true, false, false);

                // Two of the address's three were used before the restart.
                assertThat(request(after, bearer, "QUOTA@example.com").status()).isEqualTo(202);
                assertThat(request(after, bearer, "quota@example.com").status()).isEqualTo(429);

                assertThat(confirm(after, pending).status()).isEqualTo(200);
                assertThat(after.get("/api/auth/me", bearer).json().get("emails").findValues("verified"))
                        .extracting(JsonNode::asBoolean).containsExactly(true, true, true, false);
            }
        } finally {
            durable.close();
            smtp.stop();
        }
    }

    private static Answer request(TestServer server, String bearer, String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer);
    }

    private static Answer confirm(TestServer server, String token) {
        return server.postJson("/api/auth/confirm-email", "{\"token\":\"" + token + "\"}");
    }
}
