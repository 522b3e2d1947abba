package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.in.http.DevMailboxRoutes;
import dev.authbackbone.adapter.in.http.CannotListenException;
import dev.authbackbone.adapter.in.http.HttpServer;
import dev.authbackbone.adapter.in.http.RouteGroup;
import dev.authbackbone.adapter.in.http.devmailbox.DevMailbox;
import dev.authbackbone.adapter.in.http.HttpSettings;
import dev.authbackbone.adapter.in.http.AddressUseCases;
import dev.authbackbone.adapter.in.http.HttpUseCases;
import dev.authbackbone.adapter.in.http.SessionUseCases;
import dev.authbackbone.adapter.in.http.WellKnownRoutes;
import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import dev.authbackbone.adapter.in.http.net.Loopback;
import dev.authbackbone.adapter.in.http.ops.HealthRoutes;
import dev.authbackbone.adapter.in.http.ops.MetricsRoutes;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.token.SigningKeyCache;
import dev.authbackbone.adapter.out.mail.BreakerSettings;
import dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender;
import dev.authbackbone.adapter.out.mail.LinkTemplates;
import dev.authbackbone.adapter.out.mail.MailTemplates;
import dev.authbackbone.adapter.out.mail.SimpleJavaMailSender;
import dev.authbackbone.adapter.out.mail.SmtpProbe;
import dev.authbackbone.adapter.out.mail.SmtpSettings;
import dev.authbackbone.adapter.out.mail.SmtpSettings.Transport;
import dev.authbackbone.adapter.out.mail.devinbox.DevInboxServer;
import dev.authbackbone.adapter.out.persistence.Database;
import dev.authbackbone.adapter.out.persistence.JdbiAccountRepository;
import dev.authbackbone.adapter.out.persistence.JdbiAuditTrail;
import dev.authbackbone.adapter.out.persistence.JdbiEmailRequestLedger;
import dev.authbackbone.adapter.out.persistence.JdbiEmailTokenRepository;
import dev.authbackbone.adapter.out.persistence.JdbiSessionRepository;
import dev.authbackbone.adapter.out.persistence.JdbiPrimaryUndoRepository;
import dev.authbackbone.adapter.out.persistence.JdbiUnitOfWork;
import dev.authbackbone.adapter.out.persistence.OwnerOnlyFiles;
import dev.authbackbone.application.address.MakePrimaryService;
import dev.authbackbone.application.address.RemoveAddressService;
import dev.authbackbone.application.address.UndoPrimaryChangeService;
import dev.authbackbone.application.confirmation.ConfirmEmailService;
import dev.authbackbone.application.confirmation.PreviewConfirmationService;
import dev.authbackbone.application.mail.MailedCodes;
import dev.authbackbone.application.mail.Notices;
import dev.authbackbone.application.mail.EmailLinkPolicy;
import dev.authbackbone.application.mail.Outbox;
import dev.authbackbone.domain.token.CodeKey;
import dev.authbackbone.application.account.ManageAccountService;
import dev.authbackbone.application.maintenance.PurgeExpiredStateService;
import dev.authbackbone.application.confirmation.RequestEmailConfirmationService;
import dev.authbackbone.application.signin.RequestSignInLinkService;
import dev.authbackbone.application.confirmation.ResendEmailConfirmationService;
import dev.authbackbone.application.signin.SignInWithLinkService;
import dev.authbackbone.application.account.ViewAccountEventsService;
import dev.authbackbone.application.account.ViewAccountService;
import dev.authbackbone.adapter.out.persistence.JdbiSessionRepository;
import dev.authbackbone.application.session.AuthenticateSessionService;
import dev.authbackbone.application.session.EndSessionService;
import dev.authbackbone.application.session.ListSessionsService;
import dev.authbackbone.application.session.RefreshSessionService;
import dev.authbackbone.application.session.Sessions;
import dev.authbackbone.application.session.SignOutService;
import dev.authbackbone.adapter.out.persistence.JdbiSigningKeyRepository;
import dev.authbackbone.adapter.out.persistence.JdbiUnitOfWork;
import dev.authbackbone.application.confirmation.ConfirmEmailService;
import dev.authbackbone.application.mail.EmailLinkPolicy;
import dev.authbackbone.application.account.ManageAccountService;
import dev.authbackbone.application.maintenance.PurgeExpiredStateService;
import dev.authbackbone.application.confirmation.RequestEmailConfirmationService;
import dev.authbackbone.application.signin.RequestSignInLinkService;
import dev.authbackbone.application.confirmation.ResendEmailConfirmationService;
import dev.authbackbone.application.signin.SignInWithLinkService;
import dev.authbackbone.application.account.ViewAccountEventsService;
import dev.authbackbone.application.account.ViewAccountService;
import dev.authbackbone.application.signing.SigningKeyService;
import dev.authbackbone.bootstrap.ops.DatabaseHealthCheck;
import dev.authbackbone.bootstrap.ops.MailHealthCheck;
import dev.authbackbone.bootstrap.ops.Metrics;
import dev.authbackbone.bootstrap.ops.ObservedAuditTrail;
import dev.authbackbone.domain.port.in.account.ManageAccountUseCase;
import dev.authbackbone.domain.port.in.account.ManageAccountUseCase;
import dev.authbackbone.domain.port.in.signing.ReadSigningKeysUseCase;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: every object the server is made of, built with plain constructors in one
 * place, and stopped in the reverse order. {@link #start} is what {@code java -jar} runs.
 */
public final class AuthBackbone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuthBackbone.class);
    /** The least time between two re-reads of the keys caused by tokens naming an unknown kid. */
    private static final Duration KEY_RELOAD_GAP = Duration.ofSeconds(1);
    /** What the code key is derived for: the same secret keyed for another use gives another key. */
    private static final String CODE_KEY_LABEL = "auth-backbone one-time code key";

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
        keepDataPrivate(config);
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        EmailLinkPolicy policy = new EmailLinkPolicy(config.tokens().confirmationTtl(), config.tokens().magicLinkTtl(),
                config.limits().email(), config.limits().account());

        // Opening the database keeps this thread busy; the other core meanwhile initialises what
        // the HTTP server will need (docs/performance.md, "Start").
        Thread warmUp = new Thread(HttpServer::warmUp, "warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        Metrics metrics = new Metrics();
        resources.push(metrics);
        Configuration.Persistence stored = config.persistence();
        Database database = Database.open(stored.url(), stored.user(), stored.password(), stored.poolSize(),
                stored.connectTimeout());
        resources.push(database);
        metrics.watch(database);
        Storage storage = Storage.on(database, trail -> new ObservedAuditTrail(trail, metrics));
        AuditTrail audit = storage.audit();
        UnitOfWork unitOfWork = storage.unitOfWork();
        AccountRepository accountRepository = storage.accounts();
        EmailTokenRepository tokens = storage.tokens();
        EmailRequestLedger ledger = storage.ledger();
        SessionRepository sessionRepository = storage.sessions();
        SessionPolicy sessionPolicy = config.tokens().sessionPolicy();
        Sessions sessions = new Sessions(sessionRepository, tokens, sessionPolicy, random);

        config.mail().smtp().filter(s -> s.transport() == Transport.SMTP && s.username().isPresent()
                && !Loopback.isLoopbackHost(s.host())).ifPresent(s -> LOG.warn(
                "AUTH_SMTP_TRANSPORT=smtp with a login to {}: the SMTP password can cross the network in clear "
                        + "(plain SMTP only upgrades to TLS when the server offers it, and trusts any certificate). "
                        + "Use starttls or smtps.", s.host()));
        Optional<DevInboxServer> devInbox = config.mail().smtp().isPresent() ? Optional.empty() : Optional.of(DevInboxServer.start());
        devInbox.ifPresent(resources::push);
        SmtpSettings smtp = config.mail().smtp()
                .map(s -> new SmtpSettings(s.host(), s.port(), s.username().orElse(null), s.password().orElse(null),
                        s.transport(), config.mail().from(), config.mail().timeout()))
                .orElseGet(() -> SmtpSettings.unauthenticated(devInbox.get().host(), devInbox.get().port(),
                        config.mail().from(), config.mail().timeout()));
        MailTemplates templates = new MailTemplates(LinkTemplates.of(config.mail().confirmUrl(), config.mail().magicLinkUrl(),
                config.http().publicBaseUrl()), clock);
        SimpleJavaMailSender smtpSender = new SimpleJavaMailSender(smtp, templates, config.mail().poolSize());
        resources.push(smtpSender);
        CircuitBreakingMailSender mailSender = new CircuitBreakingMailSender(smtpSender, BreakerSettings.failuresInARow(
                BreakerSettings.DEFAULT_FAILURES_IN_A_ROW, config.mail().breakerWait()));
        metrics.watch(mailSender);
        MailHealthCheck mailHealth = MailHealthCheck.start(mailSender, new SmtpProbe(smtp)::check,
                config.mail().healthInterval(), clock);
        resources.push(mailHealth);

        Signing signing = signing(config, database, clock, random, metrics::countKeyReads);
        CodeKey codeKey = signing.codeKey();
        MailSender countedMail = metrics.countMails(mailSender);
        Outbox outbox = new Outbox(ledger, tokens, unitOfWork, countedMail, audit, random, clock, policy, codeKey);
        MailedCodes codes = new MailedCodes(tokens, codeKey);
        Notices notices = new Notices(countedMail, audit, clock);
        PrimaryUndoRepository undos = new JdbiPrimaryUndoRepository(database);
        ManageAccountUseCase accounts = accountCommands(storage, sessionPolicy, clock, random);
        SignOutService signOut = new SignOutService(sessions, accountRepository, unitOfWork, clock);
        // One service per mail kind redeems both halves of its credential, the link and the code.
        SignInWithLinkService signIn = new SignInWithLinkService(accountRepository, tokens, codes, unitOfWork, audit, clock, random,
                sessions);
        ConfirmEmailService confirm = new ConfirmEmailService(accountRepository, tokens, codes, unitOfWork, audit, notices,
                clock);
        HttpUseCases useCases = new HttpUseCases(
                new RequestSignInLinkService(accountRepository, unitOfWork, outbox, clock),
                signIn, signIn,
                new RequestEmailConfirmationService(accountRepository, sessions, unitOfWork, outbox, clock),
                confirm, confirm,
                new PreviewConfirmationService(accountRepository, tokens, unitOfWork, clock),
                new ResendEmailConfirmationService(accountRepository, sessions, tokens, unitOfWork, outbox, clock),
                new ViewAccountService(accountRepository, tokens, clock),
                new ViewAccountEventsService(accountRepository, audit),
                new SessionUseCases(new AuthenticateSessionService(sessionRepository, sessionPolicy, clock),
                        new RefreshSessionService(sessionRepository, accountRepository, unitOfWork, sessionPolicy, clock, random),
                        signOut, signOut, new ListSessionsService(sessionRepository, sessionPolicy, clock),
                        new EndSessionService(sessionRepository, unitOfWork, sessionPolicy, clock)),
                new AddressUseCases(
                        new MakePrimaryService(accountRepository, sessions, undos, unitOfWork, audit, notices, random, clock),
                        new RemoveAddressService(accountRepository, sessions, tokens, unitOfWork, audit, notices, clock),
                        new UndoPrimaryChangeService(accountRepository, undos, sessions, unitOfWork, audit, clock)));

        resources.push(PurgeSchedule.start(new PurgeExpiredStateService(tokens, ledger, audit, clock, policy,
                PurgeExpiredStateService.DEFAULT_SPENT_TOKEN_RETENTION, PurgeExpiredStateService.DEFAULT_AUDIT_RETENTION,
                sessionRepository, sessionPolicy, undos),
                config.persistence().purgeInterval(), random));

        AccessTokens accessTokens = signing.tokens();
        signing.keys().ifPresent(keys -> resources.push(
                SigningKeySchedule.start(signing.rotation(), keys, config.tokens().signingKeys().refresh())));
        List<RouteGroup> extraRoutes = new ArrayList<>(List.of(
                new HealthRoutes(List.of(new DatabaseHealthCheck(database), mailHealth)),
                new MetricsRoutes(metrics::scrape),
                new WellKnownRoutes(signing.keys(), config.tokens().issuer(), config.http().publicBaseUrl(),
                        jwksCacheFor(config))));
        devInbox.ifPresent(inbox -> extraRoutes.add(new DevMailboxRoutes(mailboxOf(inbox))));
        HttpServer http = new HttpServer(useCases, accessTokens,
                ClientIpLimit.of(config.limits().ip().count(), config.limits().ip().window()),
                HttpSettings.of(config.http().host(), config.http().port(), URI.create(config.http().publicBaseUrl()))
                        .withMaxThreads(config.http().threads())
                        .withSlowClientLimits(config.http().readTimeout(), config.http().maxConnectionsPerIp(),
                                config.http().maxConnections())
                        .withTrustedProxies(config.http().trustedProxies())
                        .withTokenIpLimit(ClientIpLimit.of(config.limits().tokenIp().count(), config.limits().tokenIp().window())),
                extraRoutes, metrics.http());
        int port;
        try {
            port = http.start();
        } catch (CannotListenException e) {
            throw new IllegalStateException((e.hostAtFault() ? "AUTH_HTTP_HOST" : "AUTH_HTTP_PORT") + ": " + e.getMessage(), e);
        }
        resources.push(http::stop);

        devInbox.ifPresent(inbox -> LOG.warn(
                "No AUTH_SMTP_HOST set: mails are NOT delivered anywhere. They are captured by the development inbox; "
                        + "read them at {}/dev/mailbox", config.http().publicBaseUrl()));
        keepDataPrivate(config);
        return new AuthBackbone(resources, accounts, accessTokens, port);
    }

    /** The HTTP adapter's view of the development inbox's captured mails. */
    private static DevMailbox mailboxOf(DevInboxServer inbox) {
        return () -> inbox.newestFirst().stream()
                .map(mail -> new DevMailbox.CapturedMail(mail.from(), mail.to(), mail.subject(), mail.text(),
                        mail.receivedAt(), mail.links()))
                .toList();
    }

    /** The operator's account commands over {@code storage}: the server and the command line build them here alike. */
    static ManageAccountUseCase accountCommands(Storage storage, SessionPolicy sessionPolicy, Clock clock,
                                                RandomGenerator random) {
        return new ManageAccountService(storage.accounts(), storage.tokens(), storage.unitOfWork(), storage.audit(), clock,
                random, new Sessions(storage.sessions(), storage.tokens(), sessionPolicy, random));
    }

    /** The storage ports over one database, with the audit trail wrapped by {@code observed} (metrics, or nothing). */
    record Storage(UnitOfWork unitOfWork, AccountRepository accounts, EmailTokenRepository tokens, EmailRequestLedger ledger,
                   AuditTrail audit, SessionRepository sessions) {

        static Storage on(Database database, UnaryOperator<AuditTrail> observed) {
            return new Storage(new JdbiUnitOfWork(database), new JdbiAccountRepository(database),
                    new JdbiEmailTokenRepository(database), new JdbiEmailRequestLedger(database),
                    observed.apply(new JdbiAuditTrail(database)), new JdbiSessionRepository(database));
        }
    }

    /**
     * The data folder holds the embedded database, its password and key material: 0700 and 0600,
     * whatever an older version or another component left there (run at start and once started).
     */
    private static void keepDataPrivate(Configuration config) {
        if (Files.isDirectory(config.persistence().dataDir())) {
            OwnerOnlyFiles.secureFolder(config.persistence().dataDir());
        }
    }

    /** How long a retired key's tokens may be live: token lifetime, the publish delay (it still signs until then), leeway. */
    static Duration keyGrace(Configuration config) {
        return config.tokens().accessTtl().plus(publishDelay(config)).plus(Duration.ofMinutes(1));
    }

    /**
     * How old a new key must be before it signs: one key refresh, by which every instance has read
     * it and publishes it, then as long as a verifier may keep the JWKS it fetched just before
     * that ({@link #jwksCacheFor}), plus up to 5 s for a read that runs late. Without the refresh an
     * instance that had not re-read yet left a key out of its JWKS that others already signed with;
     * without the cache's lifetime a verifier that honoured our {@code Cache-Control} refused
     * tokens of the new key for up to that long (an outside probe: about 20 s of refusals).
     */
    static Duration publishDelay(Configuration config) {
        Duration refresh = config.tokens().signingKeys().refresh();
        Duration late = refresh.compareTo(Duration.ofSeconds(5)) < 0 ? refresh : Duration.ofSeconds(5);
        return refresh.plus(jwksCacheFor(config)).plus(late);
    }

    /**
     * How long verifiers may cache the JWKS: no longer than a key refresh (in whole seconds), and
     * at most a minute, so that a new key's wait before it signs stays about two refreshes.
     */
    static Duration jwksCacheFor(Configuration config) {
        Duration refresh = Duration.ofSeconds(config.tokens().signingKeys().refresh().getSeconds());
        return refresh.compareTo(Duration.ofMinutes(1)) < 0 ? refresh : Duration.ofMinutes(1);
    }

    /**
     * The key mixed into every mailed code's hash, derived from a signing secret the deployment
     * keeps outside the database (AUTH_JWT_PRIVATE_KEY_FILE or AUTH_JWT_SECRET), so that a code's
     * hash read from the database cannot be checked offline. With the signing keys in the database
     * there is none: its reader needs no code (ADR 0016). Changing the secret invalidates the codes
     * of mails already sent; their links keep working.
     */
    private static CodeKey codeKey(byte[] signingSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret, "HmacSHA256"));
            return CodeKey.of(mac.doFinal(CODE_KEY_LABEL.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /**
     * The access tokens of {@code config}: HS256 with {@code AUTH_JWT_SECRET} (legacy), RS256 with
     * the key in {@code AUTH_JWT_PRIVATE_KEY_FILE}, or RS256 with the keys in the database, the
     * first one generated here when none is stored yet (or the stored one is due for rotation); and
     * the key for the codes' hashes that goes with the mode.
     */
    static Signing signing(Configuration config, Database database, Clock clock, SecureRandom random,
                           UnaryOperator<ReadSigningKeysUseCase> observed) {
        Configuration.Tokens settings = config.tokens();
        if (settings.secret().isPresent()) {
            LOG.warn("AUTH_JWT_SECRET is set: access tokens are HS256 with that shared secret (the legacy mode), "
                    + "and the JWKS is empty. Unset it to sign with rotating RS256 keys.");
            byte[] secret = settings.secret().get().getBytes(StandardCharsets.UTF_8);
            return new Signing(new AccessTokens(secret, settings.issuer(), settings.audience(), settings.accessTtl(), clock),
                    Optional.empty(), Optional.empty(), codeKey(secret));
        }
        Duration grace = keyGrace(config);
        ReadSigningKeysUseCase source;
        Optional<RotateSigningKeyUseCase> rotation;
        CodeKey codeKey = CodeKey.NONE;
        if (settings.signingKeys().privateKeyFile().isPresent()) {
            SigningKey key = PrivateKeyFile.signingKey(settings.signingKeys().privateKeyFile().get(), clock.instant());
            codeKey = codeKey(key.privateKey());
            SigningKeyRing ring = new SigningKeyRing(List.of(key));
            source = () -> ring;
            rotation = Optional.empty();
        } else {
            SigningKeyService keys = new SigningKeyService(new JdbiSigningKeyRepository(database), clock, random,
                    settings.signingKeys().rotation(), grace);
            if (keys.rotate(RotateSigningKeyUseCase.Trigger.SCHEDULE) instanceof RotateSigningKeyResult.Rotated made) {
                LOG.info("Generated access-token signing key {} (generation {}), kept in the database for every instance",
                        made.kid(), made.generation());
            }
            source = keys;
            rotation = Optional.of(keys);
        }
        SigningKeyCache cache = new SigningKeyCache(observed.apply(source), clock, grace, publishDelay(config), KEY_RELOAD_GAP,
                AuthBackbone::readKeysInBackground);
        return new Signing(new AccessTokens(cache, settings.issuer(), settings.audience(), settings.accessTtl(), clock),
                Optional.of(cache), rotation, codeKey);
    }

    /**
     * Runs a re-read of the keys asked for by an unknown kid on a daemon thread of its own: the cache
     * starts at most one at a time and one a second, so a pool would only add something to stop.
     */
    private static void readKeysInBackground(Runnable read) {
        Thread thread = new Thread(read, "signing-keys-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** The access tokens, in the key modes the key cache and (with database keys) the rotation, and the codes' hash key. */
    record Signing(AccessTokens tokens, Optional<SigningKeyCache> keys, Optional<RotateSigningKeyUseCase> rotation,
                   CodeKey codeKey) {
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
