package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox.CapturedMail;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DevMailboxRoutesTest {

    private static final String LINK = "http://127.0.0.1:8080/auth/confirm-email?token=abc&x=<y>";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @BeforeEach
    void fill() {
        server.inbox.clear();
        server.inbox.receive(new CapturedMail("auth@example.test", List.of("old@example.org"), "Older", "first",
                Instant.parse("2026-03-01T10:00:00Z"), List.of()));
        server.inbox.receive(new CapturedMail("auth@example.test", List.of("new@example.org"), "Confirm <your> address",
                "Open " + LINK, Instant.parse("2026-03-01T11:00:00Z"), List.of(LINK, "javascript:alert(1)")));
    }

    @Test
    void mailbox_json_listsMailsNewestFirst() {
        Answer answer = server.get("/dev/mailbox");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.json().get(0).fieldNames()).toIterable()
                .containsExactly("from", "to", "subject", "text", "received_at", "links");
        assertThat(answer.json().get(0).get("subject").asText()).isEqualTo("Confirm <your> address");
        assertThat(answer.json().get(0).get("received_at").asText()).isEqualTo("2026-03-01T11:00:00Z");
        assertThat(answer.json().get(0).get("links").get(0).asText()).isEqualTo(LINK);
        assertThat(answer.json().get(1).get("subject").asText()).isEqualTo("Older");
    }

    @Test
    void mailbox_to_keepsOnlyTheMailsToThatAddress() {
        Answer answer = server.get("/dev/mailbox?to=OLD@example.org");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).hasSize(1);
        assertThat(answer.json().get(0).get("subject").asText()).isEqualTo("Older");
        assertThat(server.get("/dev/mailbox?to=nobody@example.org").json()).isEmpty();
        assertThat(server.get("/dev/mailbox?to=a@example.org&to=b@example.org").status()).isEqualTo(400);
    }

    @Test
    void mailbox_html_escapesAndLinksOnlyWebUrls() {
        Answer answer = server.get("/dev/mailbox?format=html");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.mediaType()).isEqualTo("text/html");
        LinkPagesTest.assertSecurityHeaders(answer);
        assertThat(answer.body())
                .contains("Confirm &lt;your&gt; address")
                .contains("<a href=\"http://127.0.0.1:8080/auth/confirm-email?token=abc&amp;x=&lt;y&gt;\" rel=\"noreferrer noopener\">")
                .doesNotContain("href=\"javascript:")
                .doesNotContain("<your>");
        assertThat(answer.body().indexOf("Confirm &lt;your&gt;")).isLessThan(answer.body().indexOf("Older"));
    }

    @Test
    void mailbox_browserAskingForHtml_getsThePage() {
        Answer answer = server.get("/dev/mailbox", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(answer.mediaType()).isEqualTo("text/html");
    }

    @Test
    void mailbox_unknownFormat_answers400() {
        Answer answer = server.get("/dev/mailbox?format=xml");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asInt()).isEqualTo(400);
    }

    @Test
    void mailbox_withoutADevInbox_doesNotExist() {
        try (HttpServerWithFakes production = HttpServerWithFakes.withoutDevInbox()) {
            Answer answer = production.get("/dev/mailbox");

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.jsonEquals("{'code': 404, 'message': 'Not found.'}")).isTrue();
        }
    }
}
