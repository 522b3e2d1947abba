package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.out.mail.SmtpSettings.Transport;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Everything the server can be told, read from {@code AUTH_*} environment variables over the same
 * names in an optional properties file ({@code AUTH_CONFIG_FILE}, else {@code ./auth-backbone.properties}
 * if present). Every value has a working default for one machine; see docs/configuration.md.
 */
public record Configuration(
        String httpHost,
        int httpPort,
        int httpThreads,
        Duration httpReadTimeout,
        int httpMaxConnectionsPerIp,
        String publicBaseUrl,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Duration dbConnectTimeout,
        Duration purgeInterval,
        Optional<Smtp> smtp,
        String mailFrom,
        Duration smtpTimeout,
        Duration smtpBreakerWait,
        int smtpPoolSize,
        Duration mailHealthInterval,
        Optional<String> jwtSecret,
        String jwtIssuer,
        String jwtAudience,
        Duration accessTokenTtl,
        SigningKeys signingKeys,
        Duration refreshTokenTtl,
        Duration sessionMaxTtl,
        RateLimit rateLimitEmail,
        RateLimit rateLimitAccount,
        RateLimit rateLimitIp,
        RateLimit rateLimitTokenIp,
        TrustedProxies trustedProxies,
        Duration confirmationTtl,
        Duration magicLinkTtl,
        String confirmUrl,
        String magicLinkUrl,
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

    /** The longest access-token lifetime accepted: a token cannot be called back, so it must not live long. */
    static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofHours(24);

    /**
     * Where RS256 keys come from when no {@code AUTH_JWT_SECRET} is set: the database (generated,
     * rotated every {@code rotation}), or one operator-managed PKCS#8 PEM file; every instance
     * re-reads them every {@code refresh}.
     */
    public record SigningKeys(Optional<Path> privateKeyFile, Duration rotation, Duration refresh) {
    }

    static final List<String> KNOWN = List.of(
            "AUTH_CONFIG_FILE", "AUTH_HTTP_HOST", "AUTH_HTTP_PORT", "AUTH_HTTP_THREADS", "AUTH_PUBLIC_BASE_URL", "AUTH_DATA_DIR",
            "AUTH_HTTP_READ_TIMEOUT", "AUTH_HTTP_MAX_CONNECTIONS_PER_IP", "AUTH_MAIL_HEALTH_INTERVAL",
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

        Path dataDir = Path.of(v.string("AUTH_DATA_DIR", "data"));
        int port = v.integer("AUTH_HTTP_PORT", 8080, 0, 65535);
        String host = v.string("AUTH_HTTP_HOST", "127.0.0.1");
        String base = stripTrailingSlash(v.url("AUTH_PUBLIC_BASE_URL", "http://127.0.0.1:" + (port == 0 ? 8080 : port), null));

        Optional<Smtp> smtp = v.optional("AUTH_SMTP_HOST").map(smtpHost -> {
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

        if (smtp.isEmpty() && !Loopback.isLoopbackHost(host)) {
            // The development inbox hands every sign-in link to whoever asks: never on a reachable address.
            throw new ConfigurationException("AUTH_HTTP_HOST: cannot use \"" + host + "\" without AUTH_SMTP_HOST; the "
                    + "development inbox (/dev/mailbox) is only for a loopback bind such as 127.0.0.1: set AUTH_SMTP_HOST "
                    + "to a real SMTP server, or bind to 127.0.0.1");
        }

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
        Duration accessTokenTtl = v.duration("AUTH_ACCESS_TOKEN_TTL", Duration.ofMinutes(15), Duration.ofSeconds(1));
        if (accessTokenTtl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0) {
            throw ConfigurationException.invalid("AUTH_ACCESS_TOKEN_TTL", human(accessTokenTtl), "a duration of at most 24h");
        }
        SigningKeys signingKeys = new SigningKeys(keyFile,
                v.duration("AUTH_JWT_KEY_ROTATION", Duration.ofDays(30), Duration.ofMinutes(1)),
                v.duration("AUTH_JWT_KEY_REFRESH", Duration.ofSeconds(30), Duration.ofMillis(100)));

        String dbUrl = v.string("AUTH_DB_URL", defaultH2Url(dataDir));
        // H2's embedded user is sa; a PostgreSQL URL may carry its own user and password, which an
        // unasked-for default would only obscure.
        boolean embedded = dbUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
        return new Configuration(
                host, port, v.integer("AUTH_HTTP_THREADS", 48, 8, 1000),
                v.duration("AUTH_HTTP_READ_TIMEOUT", Duration.ofSeconds(10), Duration.ofMillis(100)),
                v.integer("AUTH_HTTP_MAX_CONNECTIONS_PER_IP", 64, 1, 100_000),
                base, dataDir,
                dbUrl,
                v.string("AUTH_DB_USER", embedded ? "sa" : null),
                v.string("AUTH_DB_PASSWORD", embedded ? "" : null),
                v.integer("AUTH_DB_POOL_SIZE", 10, 1, 500),
                v.duration("AUTH_DB_CONNECT_TIMEOUT", Duration.ofSeconds(5), Duration.ofMillis(250)),
                v.duration("AUTH_PURGE_INTERVAL", Duration.ofMinutes(10), Duration.ofSeconds(1)),
                smtp,
                v.string("AUTH_MAIL_FROM", "auth-backbone <no-reply@auth-backbone.localhost>"),
                v.duration("AUTH_SMTP_TIMEOUT", Duration.ofSeconds(10)),
                v.duration("AUTH_SMTP_BREAKER_WAIT", Duration.ofSeconds(30)),
                v.integer("AUTH_SMTP_POOL_SIZE", 8, 1, 64),
                v.duration("AUTH_MAIL_HEALTH_INTERVAL", Duration.ofSeconds(15), Duration.ofMillis(100)),
                secret,
                v.string("AUTH_JWT_ISSUER", "auth-backbone"),
                v.string("AUTH_JWT_AUDIENCE", "auth-backbone"),
                accessTokenTtl,
                signingKeys,
                v.duration("AUTH_REFRESH_TOKEN_TTL", Duration.ofDays(30), Duration.ofSeconds(1)),
                v.duration("AUTH_SESSION_MAX_TTL", Duration.ofDays(90), Duration.ofSeconds(1)),
                v.limit("AUTH_RATE_LIMIT_EMAIL", new RateLimit(3, Duration.ofMinutes(15))),
                v.limit("AUTH_RATE_LIMIT_ACCOUNT", new RateLimit(20, Duration.ofHours(1))),
                v.limit("AUTH_RATE_LIMIT_IP", new RateLimit(60, Duration.ofMinutes(15))),
                v.limit("AUTH_RATE_LIMIT_TOKEN_IP", new RateLimit(30, Duration.ofMinutes(1))),
                v.cidrs("AUTH_TRUSTED_PROXIES"),
                v.duration("AUTH_CONFIRMATION_TTL", Duration.ofHours(24)),
                v.duration("AUTH_MAGIC_LINK_TTL", Duration.ofMinutes(15)),
                v.url("AUTH_CONFIRM_URL", base + "/auth/confirm-email?token={token}", "{token}"),
                v.url("AUTH_MAGIC_LINK_URL", base + "/auth/magic-link?token={token}", "{token}"),
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

    /** How long sessions live (AUTH_REFRESH_TOKEN_TTL, AUTH_SESSION_MAX_TTL). */
    public SessionPolicy sessionPolicy() {
        return new SessionPolicy(refreshTokenTtl, sessionMaxTtl);
    }

    /** The settings as one block for the start-up log, with secrets masked. */
    public String describe() {
        return String.join(System.lineSeparator(),
                "  AUTH_HTTP_HOST=" + httpHost + "  AUTH_HTTP_PORT=" + httpPort + "  AUTH_HTTP_THREADS=" + httpThreads
                        + "  AUTH_HTTP_READ_TIMEOUT=" + human(httpReadTimeout)
                        + "  AUTH_HTTP_MAX_CONNECTIONS_PER_IP=" + httpMaxConnectionsPerIp,
                "  AUTH_PUBLIC_BASE_URL=" + publicBaseUrl + "  AUTH_DATA_DIR=" + dataDir,
                "  AUTH_DB_URL=" + withoutPassword(dbUrl) + "  AUTH_DB_USER=" + (dbUser == null ? "-" : dbUser)
                        + "  AUTH_DB_PASSWORD=" + (dbPassword == null || dbPassword.isEmpty() ? "-" : "***")
                        + "  AUTH_DB_POOL_SIZE=" + dbPoolSize + "  AUTH_DB_CONNECT_TIMEOUT=" + human(dbConnectTimeout)
                        + "  AUTH_PURGE_INTERVAL=" + human(purgeInterval),
                "  SMTP=" + smtp.map(Smtp::toString).orElse("development inbox") + "  AUTH_MAIL_FROM=" + mailFrom
                        + "  AUTH_SMTP_TIMEOUT=" + human(smtpTimeout) + "  AUTH_SMTP_BREAKER_WAIT=" + human(smtpBreakerWait)
                        + "  AUTH_SMTP_POOL_SIZE=" + smtpPoolSize + "  AUTH_MAIL_HEALTH_INTERVAL=" + human(mailHealthInterval),
                "  AUTH_JWT_SECRET=" + (jwtSecret.isPresent() ? "*** (legacy HS256)" : "-")
                        + "  AUTH_JWT_PRIVATE_KEY_FILE=" + signingKeys.privateKeyFile().map(Path::toString).orElse("(keys in the database)")
                        + "  AUTH_JWT_KEY_ROTATION=" + human(signingKeys.rotation())
                        + "  AUTH_JWT_KEY_REFRESH=" + human(signingKeys.refresh())
                        + "  AUTH_JWT_ISSUER=" + jwtIssuer + "  AUTH_JWT_AUDIENCE=" + jwtAudience
                        + "  AUTH_ACCESS_TOKEN_TTL=" + human(accessTokenTtl),
                "  AUTH_REFRESH_TOKEN_TTL=" + human(refreshTokenTtl) + "  AUTH_SESSION_MAX_TTL=" + human(sessionMaxTtl),
                "  AUTH_RATE_LIMIT_EMAIL=" + human(rateLimitEmail) + "  AUTH_RATE_LIMIT_ACCOUNT=" + human(rateLimitAccount)
                        + "  AUTH_RATE_LIMIT_IP=" + human(rateLimitIp) + "  AUTH_RATE_LIMIT_TOKEN_IP=" + human(rateLimitTokenIp)
                        + "  AUTH_TRUSTED_PROXIES=" + trustedProxies,
                "  AUTH_CONFIRMATION_TTL=" + human(confirmationTtl) + "  AUTH_MAGIC_LINK_TTL=" + human(magicLinkTtl),
                "  AUTH_CONFIRM_URL=" + confirmUrl + "  AUTH_MAGIC_LINK_URL=" + magicLinkUrl,
                "  AUTH_LOG_FORMAT=" + logFormat.appender());
    }
}
