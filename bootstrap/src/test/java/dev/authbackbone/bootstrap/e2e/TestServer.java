package dev.authbackbone.bootstrap.e2e;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.AuthBackbone;
import dev.authbackbone.bootstrap.Configuration;
import dev.authbackbone.bootstrap.Main;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.session.StartedSession;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server as a user would start it (same {@link AuthBackbone#start} path as {@code java -jar}),
 * on a random port, with its own GreenMail SMTP server and its own fresh database, on H2 or on
 * PostgreSQL. Several servers may also share one database and one GreenMail, as instances behind
 * a load balancer do ({@link #instance}).
 */
final class TestServer implements AutoCloseable {

    static final String SECRET = "end-to-end-test-secret-of-at-least-32-bytes";
    /**
     * The override that runs a server as shipped, signing with RS256 keys kept in its database;
     * without it a test server runs in the legacy HS256 mode with {@link #SECRET}, so that tests
     * can mint their own tokens with {@link #accessToken}.
     */
    static final Map<String, String> WITH_KEYS = Map.of("AUTH_JWT_SECRET", "");
    /** Small pools: every class on PostgreSQL shares one server's connection limit with other runs. */
    static final int POOL_SIZE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The session each {@link #openAccount} started, by account id (ids are random, so tests never collide). */
    private static final Map<String, StartedSession> OPENED_SESSIONS = new ConcurrentHashMap<>();
    private static final Pattern TOKEN_IN_LINK = Pattern.compile("token=([A-Za-z0-9_-]{43})");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("(?m)^ {4}([2-9A-HJKMNP-TV-Z]{8})\\r?$");

    final GreenMail smtp;
    final AuthBackbone app;
    final String base;
    final String dbUrl;
    final Path dataDir;
    final FreshDatabase database;
    private final boolean ownsSmtpAndDatabase;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(GreenMail smtp, AuthBackbone app, FreshDatabase database, Path dataDir, boolean ownsSmtpAndDatabase) {
        this.smtp = smtp;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
        this.database = database;
        this.dbUrl = database.url();
        this.dataDir = dataDir;
        this.ownsSmtpAndDatabase = ownsSmtpAndDatabase;
    }

    static TestServer start(TestDatabase kind) {
        return start(kind, Map.of());
    }

    /**
     * Starts the server exactly as {@code java -jar} does ({@link Main#serve}) with no SMTP host, so
     * mails go to the built-in development inbox; {@link #smtp} is then null.
     */
    static TestServer startWithDevInbox(TestDatabase kind, Map<String, String> overrides) {
        FreshDatabase database = kind.fresh();
        try {
            Path dataDir = newDataDir();
            Map<String, String> env = new HashMap<>();
            env.put("AUTH_HTTP_PORT", "0");
            env.put("AUTH_DATA_DIR", dataDir.toString());
            env.put("AUTH_DB_URL", database.url());
            env.put("AUTH_DB_POOL_SIZE", String.valueOf(POOL_SIZE));
            env.putAll(overrides);
            return new TestServer(null, Main.serve(env), database, dataDir, true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Starts GreenMail, a fresh database and the server; {@code overrides} are extra {@code AUTH_*} variables. */
    static TestServer start(TestDatabase kind, Map<String, String> overrides) {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            FreshDatabase database = kind.fresh();
            try {
                Path dataDir = newDataDir();
                return new TestServer(smtp, startApp(smtp, database, dataDir, overrides), database, dataDir, true);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (RuntimeException e) {
            smtp.stop();
            throw e;
        }
    }

    /**
     * One more instance on {@code database}, sending its mail to {@code smtp}: it shares both, and
     * leaves both running when it is closed.
     */
    static TestServer instance(FreshDatabase database, GreenMail smtp, Map<String, String> overrides) {
        Path dataDir = newDataDir();
        return new TestServer(smtp, startApp(smtp, database, dataDir, overrides), database, dataDir, false);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("auth-backbone-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AuthBackbone startApp(GreenMail smtp, FreshDatabase database, Path dataDir,
                                         Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("AUTH_HTTP_PORT", "0");
        env.put("AUTH_DATA_DIR", dataDir.toString());
        env.put("AUTH_DB_URL", database.url());
        env.put("AUTH_DB_POOL_SIZE", String.valueOf(POOL_SIZE));
        env.put("AUTH_SMTP_HOST", "127.0.0.1");
        env.put("AUTH_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
        env.put("AUTH_SMTP_TIMEOUT", "2s");
        env.put("AUTH_SMTP_BREAKER_WAIT", "1s");
        env.put("AUTH_JWT_SECRET", SECRET);
        env.put("AUTH_RATE_LIMIT_IP", "10000/15m");
        env.put("AUTH_RATE_LIMIT_TOKEN_IP", "10000/1m");
        env.putAll(overrides);
        return AuthBackbone.start(Configuration.load(env));
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            if (ownsSmtpAndDatabase) {
                if (smtp != null) {
                    smtp.stop();
                }
                database.close();
            }
        }
    }

    // ---- accounts and access tokens ----

    /** Opens an account as the operator command does, which also starts a session of it (see {@link #accessToken}). */
    String openAccount(String email) {
        ManageAccountResult.Opened opened = (ManageAccountResult.Opened) app.accounts().open(EmailAddress.parse(email));
        OPENED_SESSIONS.put(opened.account().toString(), opened.session());
        return opened.account().toString();
    }

    /** A token this server issues for {@code accountId} in the session {@link #openAccount} started, whatever its signing mode. */
    String issue(String accountId) {
        return app.accessTokens().issue(dev.authbackbone.domain.account.AccountId.parse(accountId),
                OPENED_SESSIONS.get(accountId).id()).value();
    }

    /** The id of the session {@link #openAccount} started for {@code accountId}, for tokens a test signs itself. */
    static String sessionIdOf(String accountId) {
        return OPENED_SESSIONS.get(accountId).id().toString();
    }

    /** The refresh token of the session {@link #openAccount} started. */
    static String refreshTokenOf(String accountId) {
        return OPENED_SESSIONS.get(accountId).refreshToken().reveal();
    }

    /**
     * A token signed with the shared secret for the session {@link #openAccount} started for
     * {@code accountId} (or a session that does not exist, for any other id).
     */
    static String accessToken(String accountId) {
        StartedSession session = OPENED_SESSIONS.get(accountId);
        Instant now = Instant.now();
        return JWT.create().withIssuer("auth-backbone").withAudience("auth-backbone").withSubject(accountId)
                .withClaim("sid", session == null ? UUID.randomUUID().toString() : session.id().toString())
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(3600)).withJWTId(UUID.randomUUID().toString())
                .sign(Algorithm.HMAC256(SECRET));
    }

    /** Signs in with a magic link over HTTP, as a user would: the verify answer (access and refresh token). */
    Answer signIn(String email) {
        postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
        return postJson("/api/auth/magic-link/verify", "{\"token\":\"" + lastTokenMailedTo(email) + "\"}");
    }

    // ---- HTTP ----

    Answer postJson(String path, String json, String bearer) {
        return send(path, "POST", json.getBytes(StandardCharsets.UTF_8), "application/json", bearer);
    }

    Answer postJson(String path, String json) {
        return postJson(path, json, null);
    }

    Answer postForm(String path, String form) {
        return send(path, "POST", form.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", null);
    }

    Answer get(String path, String bearer) {
        return send(path, "GET", null, null, bearer);
    }

    Answer send(String path, String method, byte[] body, String contentType, String bearer) {
        return send(path, method, body, contentType, bearer, null);
    }

    /** As above, with {@code X-Request-Id: requestId} when it is not null. */
    Answer send(String path, String method, byte[] body, String contentType, String bearer, String requestId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer, with the JSON body parsed on demand. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    // ---- mail ----

    List<MimeMessage> mails() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    List<MimeMessage> mailsTo(String address) {
        return mails().stream().filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Every text part of {@code message}, decoded from whichever transfer encoding it travelled in. */
    static String text(MimeMessage message) {
        return text(message, "text/*");
    }

    /** The decoded content of each part of {@code mimeType} (such as {@code text/html}) in {@code part}, in order. */
    static String text(jakarta.mail.Part part, String mimeType) {
        try {
            if (part.isMimeType("multipart/*")) {
                jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i), mimeType));
                }
                return all.toString();
            }
            return part.isMimeType(mimeType) ? part.getContent() + "\n" : "";
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token in the newest mail to {@code address}, as its recipient would click it. */
    String lastTokenMailedTo(String address) {
        List<MimeMessage> received = mailsTo(address);
        if (received.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        Matcher m = TOKEN_IN_LINK.matcher(text(received.get(received.size() - 1)));
        if (!m.find()) {
            throw new AssertionError("no link in the last mail to " + address);
        }
        return m.group(1);
    }

    /** The one-time code in the newest mail to {@code address}, as its recipient would type it. */
    String lastCodeMailedTo(String address) {
        List<MimeMessage> received = mailsTo(address);
        if (received.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        Matcher m = CODE_IN_TEXT.matcher(text(received.get(received.size() - 1)));
        if (!m.find()) {
            throw new AssertionError("no code in the last mail to " + address);
        }
        return m.group(1);
    }

    // ---- database (read-only checks that nothing was stored) ----

    long count(String sql) {
        return database.count(sql);
    }

    long usableTokens() {
        return count("select count(*) from email_token where consumed_at is null");
    }
}
