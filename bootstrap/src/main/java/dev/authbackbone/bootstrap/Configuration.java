package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.out.mail.SmtpSettings;
import dev.authbackbone.adapter.out.mail.SmtpSettings.Transport;
import dev.authbackbone.adapter.in.http.HttpSettings;
import dev.authbackbone.adapter.in.http.net.Loopback;
import dev.authbackbone.adapter.in.http.net.TrustedProxies;
import dev.authbackbone.domain.quota.RateLimit;
import dev.authbackbone.domain.session.SessionPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Everything the server can be told, read from {@code AUTH_*} environment variables over the same
 * names in an optional properties file ({@code AUTH_CONFIG_FILE}, else {@code ./auth-backbone.properties}
 * if present). Every value has a working default for one machine; see docs/configuration.md. The
 * settings come in one small record per area, each built from the values by its own {@code from}.
 */
public record Configuration(
        Http http,
        Persistence persistence,
        Mail mail,
        Tokens tokens,
        Limits limits,
        LogFormat logFormat,
        List<String> unknownVariables) {

    /** How log lines are written: for people, or one JSON object per line for a log pipeline. */
    public enum LogFormat {
        TEXT, JSON;

        /** The name of the Logback appender that writes this format (see logback.xml). */
        public String appender() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where and how the server listens, the address it is reached at, and which proxies may name the client (AUTH_HTTP_*). */
    public record Http(String host, int port, int threads, Duration readTimeout, int maxConnectionsPerIp, int maxConnections,
                       String publicBaseUrl, TrustedProxies trustedProxies) {

        static Http from(ConfigValues v) {
            int port = v.integer("AUTH_HTTP_PORT", 8080, 0, 65535);
            String host = v.string("AUTH_HTTP_HOST", "127.0.0.1");
            String base = stripTrailingSlash(v.url("AUTH_PUBLIC_BASE_URL", "http://127.0.0.1:" + (port == 0 ? 8080 : port), null));
            return new Http(host, port, v.integer("AUTH_HTTP_THREADS", 48, 8, 1000),
                    v.duration("AUTH_HTTP_READ_TIMEOUT", Duration.ofSeconds(10), Duration.ofMillis(100)),
                    v.integer("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", 64, 1, 100_000),
                    v.integer("AUTH_HTTP_MAX_CONNECTIONS", HttpSettings.DEFAULT_MAX_CONNECTIONS, 16, 1_000_000),
                    base, v.cidrs("AUTH_TRUSTED_PROXIES"));
        }
    }

    /** The data folder, the database and how often expired state is purged (AUTH_DATA_DIR, AUTH_DB_*, AUTH_PURGE_INTERVAL). */
    public record Persistence(Path dataDir, String url, String user, String password, int poolSize, Duration connectTimeout,
                              Duration purgeInterval) {

        static Persistence from(ConfigValues v) {
            String dataDirGiven = v.string("AUTH_DATA_DIR", "data");
            Path dataDir = Path.of(dataDirGiven);
            // Created later if missing; one that names a file would otherwise fail there, naming no variable.
            if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
                throw ConfigurationException.invalid("AUTH_DATA_DIR", dataDirGiven, "a folder; it names a file");
            }
            String url = v.string("AUTH_DB_URL", defaultH2Url(dataDir));
            // H2's embedded user is sa; a PostgreSQL URL may carry its own user and password, which an
            // unasked-for default would only obscure.
            boolean embedded = url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
            if (!embedded && !url.regionMatches(true, 0, "jdbc:postgresql:", 0, "jdbc:postgresql:".length())) {
                throw ConfigurationException.invalid("AUTH_DB_URL", withoutPassword(url),
                        "a PostgreSQL URL (jdbc:postgresql://host:5432/database) or an H2 one (jdbc:h2:...)");
            }
            return new Persistence(dataDir, url,
                    v.string("AUTH_DB_USER", embedded ? "sa" : null),
                    v.string("AUTH_DB_PASSWORD", embedded ? "" : null),
                    v.integer("AUTH_DB_POOL_SIZE", 10, 1, 500),
                    v.duration("AUTH_DB_CONNECT_TIMEOUT", Duration.ofSeconds(5), Duration.ofMillis(250)),
                    v.duration("AUTH_PURGE_INTERVAL", Duration.ofMinutes(10), Duration.ofSeconds(1)));
        }
    }

    /**
     * How mails leave (an SMTP server, or the development inbox when {@code smtp} is absent), whom
     * they come from, and the links they carry (AUTH_SMTP_*, AUTH_MAIL_*, AUTH_CONFIRM_URL, AUTH_MAGIC_LINK_URL).
     */
    public record Mail(Optional<Smtp> smtp, String from, Duration timeout, Duration breakerWait, int poolSize,
                       Duration healthInterval, String confirmUrl, String magicLinkUrl) {

        static Mail from(ConfigValues v, String publicBaseUrl) {
            if (v.optional("AUTH_SMTP_HOST").isEmpty()) {
                // Parsed even without a host, so that a mistyped value is refused rather than quietly ignored.
                v.choice("AUTH_SMTP_TRANSPORT", Transport.class, Transport.SMTP);
                v.integer("AUTH_SMTP_PORT", 25, 1, 65535);
            }
            if (v.optional("AUTH_SMTP_USERNAME").isPresent() != v.optional("AUTH_SMTP_PASSWORD").isPresent()) {
                throw new ConfigurationException("AUTH_SMTP_USERNAME and AUTH_SMTP_PASSWORD: only one is set; expected both "
                        + "(a relay that wants a login) or neither");
            }
            Optional<Smtp> smtp = v.optional("AUTH_SMTP_HOST").map(smtpHost -> {
                if (smtpHost.chars().anyMatch(Character::isWhitespace)) {
                    throw ConfigurationException.invalid("AUTH_SMTP_HOST", smtpHost, "a host name or address, without spaces");
                }
                // Credentials and links must not cross a network in clear: TLS unless the relay is on this machine.
                Transport transport = v.choice("AUTH_SMTP_TRANSPORT", Transport.class,
                        Loopback.isLoopbackHost(smtpHost) ? Transport.SMTP : Transport.STARTTLS);
                int defaultPort = switch (transport) {
                    case SMTP -> 25;
                    case STARTTLS -> 587;
                    case SMTPS -> 465;
                };
                return new Smtp(smtpHost, v.integer("AUTH_SMTP_PORT", defaultPort, 1, 65535),
                        v.optional("AUTH_SMTP_USERNAME"), v.optional("AUTH_SMTP_PASSWORD"), transport);
            });
            String from = v.string("AUTH_MAIL_FROM", "auth-backbone <no-reply@auth-backbone.localhost>");
            try {
                SmtpSettings.checkSender(from);
            } catch (IllegalArgumentException notOneAddress) {
                throw ConfigurationException.invalid("AUTH_MAIL_FROM", from,
                        "one address, with an optional display name, such as auth-backbone <no-reply@example.com>");
            }
            return new Mail(smtp, from,
                    smtpTimeout(v),
                    v.duration("AUTH_SMTP_BREAKER_WAIT", Duration.ofSeconds(30)),
                    v.integer("AUTH_SMTP_POOL_SIZE", 8, 1, 64),
                    v.duration("AUTH_MAIL_HEALTH_INTERVAL", Duration.ofSeconds(15), Duration.ofMillis(100)),
                    v.url("AUTH_CONFIRM_URL", publicBaseUrl + "/auth/confirm-email?token={token}", "{token}"),
                    v.url("AUTH_MAGIC_LINK_URL", publicBaseUrl + "/auth/magic-link?token={token}", "{token}"));
        }
    }

    /** Jakarta Mail counts its timeouts in int milliseconds; an hour is far more than any relay needs. */
    private static Duration smtpTimeout(ConfigValues v) {
        Duration timeout = v.duration("AUTH_SMTP_TIMEOUT", Duration.ofSeconds(10));
        if (timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw ConfigurationException.invalid("AUTH_SMTP_TIMEOUT", v.string("AUTH_SMTP_TIMEOUT", ""), "a duration of at most 1h");
        }
        return timeout;
    }

    /** A real SMTP server; absent means the built-in development inbox. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, Transport transport) {
        @Override
        public String toString() {
            // The summary is printed unmasked (to show AUTH_MAIL_FROM whole); a user name that is a mailbox stays masked.
            return "Smtp[" + host + ":" + port + ", " + transport + ", user="
                    + username.map(name -> name.replaceAll("([A-Za-z0-9_+-])[A-Za-z0-9._+*-]*@", "$1***@")).orElse("-")
                    + ", password=" + (password.isPresent() ? "***" : "-") + "]";
        }
    }

    /**
     * What the server issues and how long it lives: access tokens (signing, issuer, audience), sessions
     * (refresh tokens) and the emailed links (AUTH_JWT_*, AUTH_*_TTL).
     */
    public record Tokens(Optional<String> secret, SigningKeys signingKeys, String issuer, String audience, Duration accessTtl,
                         Duration refreshTtl, Duration sessionMaxTtl, Duration confirmationTtl, Duration magicLinkTtl) {

        /** The longest access-token lifetime accepted: a token cannot be called back, so it must not live long. */
        static final Duration MAX_ACCESS_TTL = Duration.ofHours(24);

        static Tokens from(ConfigValues v) {
            Optional<String> secret = v.optional("AUTH_JWT_SECRET");
            secret.ifPresent(s -> {
                int bytes = s.getBytes(StandardCharsets.UTF_8).length;
                if (bytes < 32) {
                    // The secret itself is never echoed.
                    throw new ConfigurationException("AUTH_JWT_SECRET: too short (" + bytes + " bytes); expected at least 32 bytes");
                }
            });
            Optional<Path> keyFile = v.optional("AUTH_JWT_PRIVATE_KEY_FILE").map(Path::of);
            if (secret.isPresent() && keyFile.isPresent()) {
                throw new ConfigurationException("AUTH_JWT_SECRET and AUTH_JWT_PRIVATE_KEY_FILE are both set; expected one of them "
                        + "(the secret selects the legacy HS256 mode, the file an RS256 key)");
            }
            // Read now rather than when the keys are loaded, after the database and the inbox have
            // started: a key the server cannot use stops the start before anything is opened.
            keyFile.ifPresent(file -> PrivateKeyFile.signingKey(file, Instant.EPOCH));
            Duration accessTtl = v.duration("AUTH_ACCESS_TOKEN_TTL", Duration.ofMinutes(15), Duration.ofSeconds(1));
            if (accessTtl.compareTo(MAX_ACCESS_TTL) > 0) {
                // As given (48h), not as parsed (2d): the line must name what the operator wrote.
                throw ConfigurationException.invalid("AUTH_ACCESS_TOKEN_TTL", v.string("AUTH_ACCESS_TOKEN_TTL", ""),
                        "a duration of at most 24h");
            }
            SigningKeys signingKeys = new SigningKeys(keyFile,
                    v.duration("AUTH_JWT_KEY_ROTATION", Duration.ofDays(30), Duration.ofMinutes(1)),
                    v.duration("AUTH_JWT_KEY_REFRESH", Duration.ofSeconds(30), Duration.ofMillis(100)));
            return new Tokens(secret, signingKeys,
                    v.string("AUTH_JWT_ISSUER", "auth-backbone"),
                    v.string("AUTH_JWT_AUDIENCE", "auth-backbone"),
                    accessTtl,
                    v.duration("AUTH_REFRESH_TOKEN_TTL", Duration.ofDays(30), Duration.ofSeconds(1)),
                    v.duration("AUTH_SESSION_MAX_TTL", Duration.ofDays(90), Duration.ofSeconds(1)),
                    v.duration("AUTH_CONFIRMATION_TTL", Duration.ofHours(24)),
                    v.duration("AUTH_MAGIC_LINK_TTL", Duration.ofMinutes(15)));
        }

        /** How long sessions live (AUTH_REFRESH_TOKEN_TTL, AUTH_SESSION_MAX_TTL). */
        public SessionPolicy sessionPolicy() {
            return new SessionPolicy(refreshTtl, sessionMaxTtl);
        }
    }

    /**
     * Where RS256 keys come from when no {@code AUTH_JWT_SECRET} is set: the database (generated,
     * rotated every {@code rotation}), or one operator-managed PKCS#8 PEM file; every instance
     * re-reads them every {@code refresh}.
     */
    public record SigningKeys(Optional<Path> privateKeyFile, Duration rotation, Duration refresh) {
    }

    /** The rate limits: links per address and per account, requests per client address (AUTH_RATE_LIMIT_*). */
    public record Limits(RateLimit email, RateLimit account, RateLimit ip, RateLimit tokenIp) {

        static Limits from(ConfigValues v) {
            return new Limits(
                    v.limit("AUTH_RATE_LIMIT_EMAIL", new RateLimit(3, Duration.ofMinutes(15))),
                    v.limit("AUTH_RATE_LIMIT_ACCOUNT", new RateLimit(20, Duration.ofHours(1))),
                    v.limit("AUTH_RATE_LIMIT_IP", new RateLimit(60, Duration.ofMinutes(15))),
                    v.limit("AUTH_RATE_LIMIT_TOKEN_IP", new RateLimit(30, Duration.ofMinutes(1))));
        }
    }

    static final List<String> KNOWN = List.of(
            "AUTH_CONFIG_FILE", "AUTH_HTTP_HOST", "AUTH_HTTP_PORT", "AUTH_HTTP_THREADS", "AUTH_PUBLIC_BASE_URL", "AUTH_DATA_DIR",
            "AUTH_HTTP_READ_TIMEOUT", "AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "AUTH_HTTP_MAX_CONNECTIONS", "AUTH_MAIL_HEALTH_INTERVAL",
            "AUTH_DB_URL", "AUTH_DB_USER", "AUTH_DB_PASSWORD", "AUTH_DB_POOL_SIZE", "AUTH_DB_CONNECT_TIMEOUT",
            "AUTH_PURGE_INTERVAL",
            "AUTH_SMTP_HOST", "AUTH_SMTP_PORT", "AUTH_SMTP_USERNAME", "AUTH_SMTP_PASSWORD", "AUTH_SMTP_TRANSPORT",
            "AUTH_SMTP_TIMEOUT", "AUTH_SMTP_BREAKER_WAIT", "AUTH_SMTP_POOL_SIZE", "AUTH_MAIL_FROM",
            "AUTH_JWT_SECRET", "AUTH_JWT_PRIVATE_KEY_FILE", "AUTH_JWT_KEY_ROTATION", "AUTH_JWT_KEY_REFRESH", "AUTH_JWT_ISSUER",
            "AUTH_JWT_AUDIENCE", "AUTH_ACCESS_TOKEN_TTL", "AUTH_REFRESH_TOKEN_TTL", "AUTH_SESSION_MAX_TTL",
            "AUTH_RATE_LIMIT_EMAIL", "AUTH_RATE_LIMIT_ACCOUNT", "AUTH_RATE_LIMIT_IP", "AUTH_RATE_LIMIT_TOKEN_IP",
            "AUTH_TRUSTED_PROXIES",
            "AUTH_CONFIRMATION_TTL", "AUTH_MAGIC_LINK_TTL", "AUTH_CONFIRM_URL", "AUTH_MAGIC_LINK_URL",
            "AUTH_LOG_FORMAT", "AUTH_TEST_POSTGRES_URL");

    /** Reads the configuration from {@code environment} (normally {@link System#getenv()}). */
    public static Configuration load(Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(propertiesFile(environment));
        merged.putAll(environment);
        ConfigValues v = new ConfigValues(merged);

        Http http = Http.from(v);
        Mail mail = Mail.from(v, http.publicBaseUrl());
        if (mail.smtp().isEmpty() && !Loopback.isLoopbackHost(http.host())) {
            // The development inbox hands every sign-in link to whoever asks: never on a reachable address.
            throw new ConfigurationException("AUTH_HTTP_HOST: cannot use \"" + http.host() + "\" without AUTH_SMTP_HOST; the "
                    + "development inbox (/dev/mailbox) is only for a loopback bind such as 127.0.0.1: set AUTH_SMTP_HOST "
                    + "to a real SMTP server, or bind to 127.0.0.1");
        }
        return new Configuration(http, Persistence.from(v), mail, Tokens.from(v), Limits.from(v),
                v.choice("AUTH_LOG_FORMAT", LogFormat.class, LogFormat.TEXT),
                unknown(merged));
    }

    private static String defaultH2Url(Path dataDir) {
        // A plain file URL: the persistence adapter adds the settings it needs (SQL dialect, AUTO_SERVER, password).
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("auth-backbone");
    }

    private static Map<String, String> propertiesFile(Map<String, String> environment) {
        String configured = environment.get("AUTH_CONFIG_FILE");
        Path path = Path.of(configured == null || configured.isBlank() ? "auth-backbone.properties" : configured.strip());
        if (!Files.exists(path)) {
            if (configured != null && !configured.isBlank()) {
                throw ConfigurationException.invalid("AUTH_CONFIG_FILE", configured, "the path of a readable properties file");
            }
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw ConfigurationException.invalid("AUTH_CONFIG_FILE", path.toString(), "a readable properties file");
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    private static List<String> unknown(Map<String, String> values) {
        TreeSet<String> unknown = new TreeSet<>();
        values.keySet().stream().filter(k -> k.startsWith("AUTH_") && !KNOWN.contains(k)).forEach(unknown::add);
        return List.copyOf(unknown);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code d} in the notation the variables are written in ({@code 90s}, {@code 15m}, {@code 1h}). */
    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        return s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    static String human(RateLimit limit) {
        return limit.count() + "/" + human(limit.window());
    }

    /** {@code url} with the value of a {@code password} parameter (PostgreSQL's ?password=, H2's ;PASSWORD=) masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** The settings as one block for the start-up log, with secrets masked. */
    public String describe() {
        Persistence db = persistence;
        return String.join(System.lineSeparator(),
                "  AUTH_HTTP_HOST=" + http.host() + "  AUTH_HTTP_PORT=" + http.port() + "  AUTH_HTTP_THREADS=" + http.threads()
                        + "  AUTH_HTTP_READ_TIMEOUT=" + human(http.readTimeout())
                        + "  AUTH_HTTP_MAX_CONNECTIONS_PER_IP=" + http.maxConnectionsPerIp()
                        + "  AUTH_HTTP_MAX_CONNECTIONS=" + http.maxConnections(),
                "  AUTH_PUBLIC_BASE_URL=" + http.publicBaseUrl() + "  AUTH_DATA_DIR=" + db.dataDir(),
                "  AUTH_DB_URL=" + withoutPassword(db.url()) + "  AUTH_DB_USER=" + (db.user() == null ? "-" : db.user())
                        + "  AUTH_DB_PASSWORD=" + (db.password() == null || db.password().isEmpty() ? "-" : "***")
                        + "  AUTH_DB_POOL_SIZE=" + db.poolSize() + "  AUTH_DB_CONNECT_TIMEOUT=" + human(db.connectTimeout())
                        + "  AUTH_PURGE_INTERVAL=" + human(db.purgeInterval()),
                "  SMTP=" + mail.smtp().map(Smtp::toString).orElse("development inbox") + "  AUTH_MAIL_FROM=" + mail.from()
                        + "  AUTH_SMTP_TIMEOUT=" + human(mail.timeout()) + "  AUTH_SMTP_BREAKER_WAIT=" + human(mail.breakerWait())
                        + "  AUTH_SMTP_POOL_SIZE=" + mail.poolSize() + "  AUTH_MAIL_HEALTH_INTERVAL=" + human(mail.healthInterval()),
                "  AUTH_JWT_SECRET=" + (tokens.secret().isPresent() ? "*** (legacy HS256)" : "-")
                        + "  AUTH_JWT_PRIVATE_KEY_FILE="
                        + tokens.signingKeys().privateKeyFile().map(Path::toString).orElse("(keys in the database)")
                        + "  AUTH_JWT_KEY_ROTATION=" + human(tokens.signingKeys().rotation())
                        + "  AUTH_JWT_KEY_REFRESH=" + human(tokens.signingKeys().refresh())
                        + "  AUTH_JWT_ISSUER=" + tokens.issuer() + "  AUTH_JWT_AUDIENCE=" + tokens.audience()
                        + "  AUTH_ACCESS_TOKEN_TTL=" + human(tokens.accessTtl()),
                "  AUTH_REFRESH_TOKEN_TTL=" + human(tokens.refreshTtl()) + "  AUTH_SESSION_MAX_TTL=" + human(tokens.sessionMaxTtl()),
                "  AUTH_RATE_LIMIT_EMAIL=" + human(limits.email()) + "  AUTH_RATE_LIMIT_ACCOUNT=" + human(limits.account())
                        + "  AUTH_RATE_LIMIT_IP=" + human(limits.ip()) + "  AUTH_RATE_LIMIT_TOKEN_IP=" + human(limits.tokenIp())
                        + "  AUTH_TRUSTED_PROXIES=" + http.trustedProxies(),
                "  AUTH_CONFIRMATION_TTL=" + human(tokens.confirmationTtl()) + "  AUTH_MAGIC_LINK_TTL=" + human(tokens.magicLinkTtl()),
                "  AUTH_CONFIRM_URL=" + mail.confirmUrl() + "  AUTH_MAGIC_LINK_URL=" + mail.magicLinkUrl(),
                "  AUTH_LOG_FORMAT=" + logFormat.appender());
    }
}
