package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.StartupSummaryFilter;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** What the logs of a whole flow hold: one id per request on every line of it, and nothing secret. */
class LoggingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("token=([A-Za-z0-9_-]{43})");

    @Test
    void flow_eachRequestsLinesShareItsId_andNoLineHoldsATokenSecretOrWholeAddress() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        List<String> secrets = new ArrayList<>();
        try (TestServer server = TestServer.startWithDevInbox(TestDatabase.H2, Map.of("AUTH_JWT_SECRET", TestServer.SECRET))) {
            String address = "Ada.Lovelace@Example.com";
            String linked = "ada.work@analytical.example.org";
            secrets.addAll(List.of(address, address.toLowerCase(), linked, "Lovelace", TestServer.SECRET));

            assertThat(post(server, "/api/auth/magic-link", "{\"email\":\"" + address + "\"}", null, "flow-1").status())
                    .isEqualTo(202);
            String signInToken = lastToken(server);
            Answer signedIn = post(server, "/api/auth/magic-link/verify", "{\"token\":\"" + signInToken + "\"}", null, "flow-2");
            String accessToken = signedIn.json().get("access_token").asText();
            assertThat(post(server, "/api/auth/request-email-confirmation", "{\"email\":\"" + linked + "\"}",
                    accessToken, "flow-3").status()).isEqualTo(202);
            String confirmToken = lastToken(server);
            assertThat(post(server, "/api/auth/confirm-email", "{\"token\":\"" + confirmToken + "\"}", null, "flow-4")
                    .status()).isEqualTo(200);
            assertThat(post(server, "/api/auth/confirm-email", "{\"token\":\"" + confirmToken + "\"}", null, "flow-5")
                    .status()).isEqualTo(400);
            assertThat(server.send("/api/auth/me", "GET", null, null, accessToken, "flow-6").status()).isEqualTo(200);
            assertThat(server.send("/api/auth/me", "GET", null, null, accessToken + "x", "flow-7").status()).isEqualTo(401);
            assertThat(server.send("/auth/confirm-email?token=" + confirmToken, "GET", null, null, null, "flow-8").status())
                    .isEqualTo(200);
            secrets.addAll(List.of(signInToken, confirmToken, accessToken));
        } finally {
            root.detachAppender(captured);
        }
        List<ILoggingEvent> events = List.copyOf(captured.list);

        for (int i = 1; i <= 8; i++) {
            assertThat(linesOf(events, "flow-" + i)).as("lines of flow-%d", i)
                    .anyMatch(e -> e.getLoggerName().equals("auth-backbone.http"));
        }
        assertThat(linesOf(events, "flow-1")).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("sign_in_link_requested")).anyMatch(m -> m.startsWith("mail_sent"))
                .anyMatch(m -> m.startsWith("POST /api/auth/magic-link 202"));
        assertThat(linesOf(events, "flow-4")).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("email_confirmed") && m.contains("a***@analytical.example.org"));
        assertThat(linesOf(events, "flow-5")).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("confirmation_rejected") && m.contains("invalid_token"));
        assertThat(linesOf(events, "flow-7")).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("access_token_rejected"));
        assertThat(events).filteredOn(e -> e.getLoggerName().startsWith("auth-backbone."))
                .as("every request and security line belongs to a request")
                .allMatch(e -> e.getMDCPropertyMap().get("request_id") != null);
        assertThat(events).anyMatch(e -> e.getFormattedMessage().startsWith("Starting auth-backbone with"));

        for (String format : ProductionLogFormats.FORMATS) {
            String all = String.join("", events.stream().map(e -> ProductionLogFormats.render(format, e)).toList());
            for (String secret : secrets) {
                assertThat(all).as("%s logs must not hold %s", format, secret).doesNotContainIgnoringCase(secret);
            }
            assertThat(all).contains("A***@Example.com", "flow-3");
        }
    }

    @Test
    void startUp_readTopToBottom_saysWhatRunsWhereMailGoesAndWhereTheDocsAre_withNoMisleadingLine() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String base;
        try (TestServer server = TestServer.startWithDevInbox(TestDatabase.H2,
                Map.of("AUTH_MAIL_FROM", "Auth Team <no-reply@auth.example.org>"))) {
            base = server.base;
        } finally {
            root.detachAppender(captured);
        }
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();

        assertThat(lines).noneMatch(line -> line.contains("JVM won't shutdown"));
        assertThat(lines).anyMatch(line -> line.contains("development inbox; read them at"));
        assertThat(lines).anyMatch(line -> line.startsWith("auth-backbone ready on " + base)
                && line.contains("API reference at " + base + "/docs")
                && line.contains("development inbox at " + base + "/dev/mailbox"));
        // The sender is no secret: the summary shows it whole, in both production formats.
        ILoggingEvent summary = captured.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("Starting auth-backbone with")).findFirst().orElseThrow();
        assertThat(summary.getLoggerName()).isEqualTo(StartupSummaryFilter.LOGGER);
        assertThat(summary.getFormattedMessage()).contains("AUTH_MAIL_FROM=Auth Team <no-reply@auth.example.org>");
        StartupSummaryFilter onlySummary = new StartupSummaryFilter();
        onlySummary.setSummary(true);
        StartupSummaryFilter allButSummary = new StartupSummaryFilter();
        assertThat(onlySummary.decide(summary)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(allButSummary.decide(summary)).isEqualTo(FilterReply.DENY);
        ILoggingEvent other = event("mail to jane.doe@example.com", "req-12");
        assertThat(onlySummary.decide(other)).isEqualTo(FilterReply.DENY);
        assertThat(allButSummary.decide(other)).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void productionJsonFormat_isOneObjectPerLineWithTheRequestIdAndTheFieldsAsFields() throws Exception {
        ILoggingEvent event = event("POST /api/auth/magic-link 202 12 ms", "req-9",
                new KeyValuePair("status", 202), new KeyValuePair("route", "/api/auth/magic-link"));

        String line = ProductionLogFormats.render("json", event);

        assertThat(line).endsWith("\n").hasLineCount(1);
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("message").asText()).isEqualTo("POST /api/auth/magic-link 202 12 ms");
        assertThat(json.get("request_id").asText()).isEqualTo("req-9");
        assertThat(json.get("status").asInt()).isEqualTo(202);
        assertThat(json.get("route").asText()).isEqualTo("/api/auth/magic-link");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.has("@timestamp")).isTrue();
    }

    @Test
    void productionTextFormat_showsTheRequestIdInBrackets() {
        String line = ProductionLogFormats.render("text", event("GET /api/auth/me 200 3 ms", "req-10"));

        assertThat(line).contains("INFO ", "[req-10] - GET /api/auth/me 200 3 ms");
    }

    @Test
    void productionTextFormat_isOneLinePerEvent_withNoPatternTextLeftInIt() {
        String line = ProductionLogFormats.render("text", event("GET /api/auth/me 200 3 ms", "req-12"));

        assertThat(line).endsWith(" - GET /api/auth/me 200 3 ms" + System.lineSeparator())
                .doesNotContain("%").hasLineCount(1);
    }

    @Test
    void productionTextFormat_masksAnAddressInAStackTraceToo() {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("auth-backbone.http");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, "failed",
                new IllegalStateException("no mailbox jane.doe@example.com"), null);

        String rendered = ProductionLogFormats.render("text", event);

        assertThat(rendered).contains(" - failed" + System.lineSeparator(), "IllegalStateException: no mailbox j***@example.com")
                .doesNotContain("jane.doe", "%n");
    }

    @Test
    void bothFormats_maskAnAddressThatSlippedIntoAMessage() {
        ILoggingEvent event = event("mail to jane.doe+tag@example.com bounced", "req-11",
                new KeyValuePair("email", "john.smith@example.org"));

        for (String format : ProductionLogFormats.FORMATS) {
            assertThat(ProductionLogFormats.render(format, event)).as(format)
                    .contains("j***@example.com").doesNotContain("jane.doe", "john.smith");
        }
    }

    private static ILoggingEvent event(String message, String requestId, KeyValuePair... pairs) {
        Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("auth-backbone.http");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, null, null);
        event.setMDCPropertyMap(Map.of("request_id", requestId));
        for (KeyValuePair pair : pairs) {
            event.addKeyValuePair(pair);
        }
        return event;
    }

    private static List<ILoggingEvent> linesOf(List<ILoggingEvent> events, String requestId) {
        return events.stream().filter(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))).toList();
    }

    private static Answer post(TestServer server, String path, String json, String bearer, String requestId) {
        return server.send(path, "POST", json.getBytes(StandardCharsets.UTF_8), "application/json", bearer, requestId);
    }

    /** The token of the newest mail in the development inbox. */
    private static String lastToken(TestServer server) {
        Answer inbox = server.get("/dev/mailbox", null);
        Matcher m = TOKEN_IN_LINK.matcher(inbox.json().get(0).get("links").toString());
        assertThat(m.find()).as("a link in the newest mail").isTrue();
        return m.group(1);
    }
}
