package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.in.http.HttpServer;
import dev.authbackbone.adapter.in.http.HttpSettings;
import dev.authbackbone.adapter.in.http.HttpUseCases;
import dev.authbackbone.adapter.in.http.WellKnownRoutes;
import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import dev.authbackbone.adapter.in.http.ops.HealthRoutes;
import dev.authbackbone.adapter.in.http.ops.MetricsRoutes;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.SigningKeyCache;
import dev.authbackbone.adapter.out.mail.BreakerSettings;
import dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender;
import dev.authbackbone.adapter.out.mail.LinkTemplates;
import dev.authbackbone.adapter.out.mail.MailTemplates;
import dev.authbackbone.adapter.out.mail.SimpleJavaMailSender;
import dev.authbackbone.adapter.out.mail.SmtpSettings;
import dev.authbackbone.adapter.out.mail.devinbox.DevInboxServer;
import dev.authbackbone.adapter.out.persistence.Database;
import dev.authbackbone.adapter.out.persistence.JdbiAccountRepository;
import dev.authbackbone.adapter.out.persistence.JdbiAuditTrail;
import dev.authbackbone.adapter.out.persistence.JdbiEmailRequestLedger;
import dev.authbackbone.adapter.out.persistence.JdbiEmailTokenRepository;
import dev.authbackbone.adapter.out.persistence.JdbiSigningKeyRepository;
import dev.authbackbone.adapter.out.persistence.JdbiUnitOfWork;
import dev.authbackbone.application.ConfirmEmailService;
import dev.authbackbone.application.EmailLinkPolicy;
import dev.authbackbone.application.MailDispatcher;
import dev.authbackbone.application.ManageAccountService;
import dev.authbackbone.application.PurgeExpiredStateService;
import dev.authbackbone.application.RequestEmailConfirmationService;
import dev.authbackbone.application.RequestSignInLinkService;
import dev.authbackbone.application.ResendEmailConfirmationService;
import dev.authbackbone.application.SignInWithLinkService;
import dev.authbackbone.application.ViewAccountEventsService;
import dev.authbackbone.application.ViewAccountService;
import dev.authbackbone.application.signing.RsaSigningKeys;
import dev.authbackbone.application.signing.SigningKeyService;
import dev.authbackbone.bootstrap.ops.DatabaseHealthCheck;
import dev.authbackbone.bootstrap.ops.MailHealthCheck;
import dev.authbackbone.bootstrap.ops.Metrics;
import dev.authbackbone.bootstrap.ops.ObservedAuditTrail;
import dev.authbackbone.domain.port.in.DevInbox;
import dev.authbackbone.domain.port.in.ManageAccountUseCase;
import dev.authbackbone.domain.port.in.ReadSigningKeysUseCase;
import dev.authbackbone.domain.port.in.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.RotateSigningKeyUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every object the server is made of, built with plain constructors in one
 * place, and stopped in the reverse order. {@link #start} is what {@code java -jar} runs.
 */
public final class AuthBackbone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthBackbone.class);
    /** The least time between two re-reads of the keys caused by tokens naming an unknown kid. */
    private static final Duration KEY_RELOAD_GAP = Duration.ofMillis(200);

    private final Deque<AutoCloseable> resources;
    private final ManageAccountUseCase accounts;
    private final AccessTokens accessTokens;
    private final int port;

    private AuthBackbone(Deque<AutoCloseable> resources, ManageAccountUseCase accounts, AccessTokens accessTokens, int port) {
        this.resources = resources;
        this.accounts = accounts;
        this.accessTokens = accessTokens;
        this.port = port;
    }

    /** Builds everything from {@code config}, starts listening, and returns the running server. */
    public static AuthBackbone start(Configuration config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            return start(config, resources);
        } catch (RuntimeException | Error e) {
            closeAll(resources);
            throw e;
        }
    }

    private static AuthBackbone start(Configuration config, Deque<AutoCloseable> resources) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        EmailLinkPolicy policy = new EmailLinkPolicy(config.confirmationTtl(), config.magicLinkTtl(),
                config.rateLimitEmail(), config.rateLimitAccount());

        Metrics metrics = new Metrics();
        resources.push(metrics);
        Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
                config.dbConnectTimeout());
        resources.push(database);
        metrics.watch(database);
        AuditTrail audit = new ObservedAuditTrail(new JdbiAuditTrail(database), metrics);
        UnitOfWork unitOfWork = new JdbiUnitOfWork(database);
        AccountRepository accountRepository = new JdbiAccountRepository(database);
        EmailTokenRepository tokens = new JdbiEmailTokenRepository(database);
        EmailRequestLedger ledger = new JdbiEmailRequestLedger(database);

        Optional<DevInboxServer> devInbox = config.smtp().isPresent() ? Optional.empty() : Optional.of(DevInboxServer.start());
        devInbox.ifPresent(resources::push);
        SmtpSettings smtp = config.smtp()
                .map(s -> new SmtpSettings(s.host(), s.port(), s.username().orElse(null), s.password().orElse(null),
                        SmtpSettings.Transport.valueOf(s.transport().name()), config.mailFrom(), config.smtpTimeout()))
                .orElseGet(() -> SmtpSettings.unauthenticated(devInbox.get().host(), devInbox.get().port(),
                        config.mailFrom(), config.smtpTimeout()));
        MailTemplates templates = new MailTemplates(new LinkTemplates(config.confirmUrl(), config.magicLinkUrl()), clock);
        SimpleJavaMailSender smtpSender = new SimpleJavaMailSender(smtp, templates, config.smtpPoolSize());
        resources.push(smtpSender);
        BreakerSettings defaults = BreakerSettings.defaults();
        CircuitBreakingMailSender mailSender = new CircuitBreakingMailSender(smtpSender, new BreakerSettings(
                defaults.failureRateThreshold(), defaults.slidingWindowSize(), defaults.minimumNumberOfCalls(),
                config.smtpBreakerWait()));
        metrics.watch(mailSender);

        MailDispatcher dispatcher = new MailDispatcher(ledger, tokens, unitOfWork, metrics.countMails(mailSender), audit,
                random, clock, policy);
        ManageAccountService accounts = new ManageAccountService(accountRepository, tokens, unitOfWork, audit, clock, random);
        HttpUseCases useCases = new HttpUseCases(
                new RequestSignInLinkService(accountRepository, unitOfWork, dispatcher, clock, policy),
                new SignInWithLinkService(accountRepository, tokens, unitOfWork, audit, clock, random),
                new RequestEmailConfirmationService(accountRepository, unitOfWork, dispatcher, clock, policy),
                new ConfirmEmailService(accountRepository, tokens, unitOfWork, audit, clock),
                new ResendEmailConfirmationService(accountRepository, tokens, unitOfWork, dispatcher, clock, policy),
                new ViewAccountService(accountRepository, tokens, clock),
                new ViewAccountEventsService(accountRepository, audit));

        resources.push(PurgeSchedule.start(new PurgeExpiredStateService(tokens, ledger, audit, clock, policy,
                PurgeExpiredStateService.DEFAULT_SPENT_TOKEN_RETENTION, PurgeExpiredStateService.DEFAULT_AUDIT_RETENTION),
                config.purgeInterval(), random));

        Signing signing = signing(config, database, clock, random);
        AccessTokens accessTokens = signing.tokens();
        signing.keys().ifPresent(keys -> resources.push(
                SigningKeySchedule.start(signing.rotation(), keys, config.signingKeys().refresh())));
        HttpServer http = new HttpServer(useCases, accessTokens,
                ClientIpLimit.of(config.rateLimitIp().count(), config.rateLimitIp().window()),
                HttpSettings.of(config.httpHost(), config.httpPort(), URI.create(config.publicBaseUrl()))
                        .withMaxThreads(config.httpThreads()),
                devInbox.map(DevInbox.class::cast),
                List.of(new HealthRoutes(List.of(new DatabaseHealthCheck(database), new MailHealthCheck(mailSender))),
                        new MetricsRoutes(metrics::scrape),
                        new WellKnownRoutes(signing.keys(), config.jwtIssuer(), config.publicBaseUrl())),
                metrics.http());
        int port = http.start();
        resources.push(http::stop);

        devInbox.ifPresent(inbox -> LOG.warn(
                "No AUTH_SMTP_HOST set: mails are NOT delivered anywhere. They are captured by the development inbox; "
                        + "read them at {}/dev/mailbox", config.publicBaseUrl()));
        return new AuthBackbone(resources, accounts, accessTokens, port);
    }

    /** How long a retired key's tokens may be live: token lifetime, one key refresh (it may still sign until then), leeway. */
    static Duration keyGrace(Configuration config) {
        return config.accessTokenTtl().plus(config.signingKeys().refresh()).plus(Duration.ofMinutes(1));
    }

    /**
     * The access tokens of {@code config}: HS256 with {@code AUTH_JWT_SECRET} (legacy), RS256 with
     * the key in {@code AUTH_JWT_PRIVATE_KEY_FILE}, or RS256 with the keys in the database, the
     * first one generated here when none is stored yet (or the stored one is due for rotation).
     */
    static Signing signing(Configuration config, Database database, Clock clock, SecureRandom random) {
        if (config.jwtSecret().isPresent()) {
            LOG.warn("AUTH_JWT_SECRET is set: access tokens are HS256 with that shared secret (the legacy mode), "
                    + "and the JWKS is empty. Unset it to sign with rotating RS256 keys.");
            return new Signing(new AccessTokens(config.jwtSecret().get().getBytes(StandardCharsets.UTF_8), config.jwtIssuer(),
                    config.jwtAudience(), config.accessTokenTtl(), clock), Optional.empty(), Optional.empty());
        }
        Duration grace = keyGrace(config);
        ReadSigningKeysUseCase source;
        Optional<RotateSigningKeyUseCase> rotation;
        if (config.signingKeys().privateKeyFile().isPresent()) {
            Path file = config.signingKeys().privateKeyFile().get();
            SigningKey key;
            try {
                key = RsaSigningKeys.of(PrivateKeyFile.read(file), clock.instant());
            } catch (IllegalArgumentException tooShort) {
                throw ConfigurationException.invalid("AUTH_JWT_PRIVATE_KEY_FILE", file.toString(), tooShort.getMessage());
            }
            SigningKeyRing ring = new SigningKeyRing(List.of(key));
            source = () -> ring;
            rotation = Optional.empty();
        } else {
            SigningKeyService keys = new SigningKeyService(new JdbiSigningKeyRepository(database), clock, random,
                    config.signingKeys().rotation(), grace);
            if (keys.rotate(RotateSigningKeyUseCase.Trigger.SCHEDULE) instanceof RotateSigningKeyResult.Rotated made) {
                LOG.info("Generated access-token signing key {} (generation {}), kept in the database for every instance",
                        made.kid(), made.generation());
            }
            source = keys;
            rotation = Optional.of(keys);
        }
        SigningKeyCache cache = new SigningKeyCache(source, clock, grace, KEY_RELOAD_GAP);
        return new Signing(new AccessTokens(cache, config.jwtIssuer(), config.jwtAudience(), config.accessTokenTtl(), clock),
                Optional.of(cache), rotation);
    }

    /** The access tokens, and in the key modes the key cache and (with database keys) the rotation. */
    record Signing(AccessTokens tokens, Optional<SigningKeyCache> keys, Optional<RotateSigningKeyUseCase> rotation) {
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /** The operator's account commands, on this server's database. */
    public ManageAccountUseCase accounts() {
        return accounts;
    }

    /** The access tokens this server issues and accepts. */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /** Stops accepting requests, lets those in flight finish, then closes mail and the database pool. */
    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Error while stopping {}: {}", resource, e.toString());
            }
        }
    }
}
