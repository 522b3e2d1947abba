package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.connection.BodyBudget;
import dev.authbackbone.adapter.in.http.connection.ConnectionsPerAddress;
import dev.authbackbone.adapter.in.http.connection.HeaderDeadline;
import dev.authbackbone.adapter.in.http.connection.MethodOverrideHeaders;
import dev.authbackbone.adapter.in.http.connection.ThreadsPerAddress;
import dev.authbackbone.adapter.in.http.connection.WholeRequestHandler;
import dev.authbackbone.adapter.in.http.error.ErrorResponses;
import dev.authbackbone.adapter.in.http.error.HttpProblem;
import dev.authbackbone.adapter.in.http.error.JettyErrorHandler;
import dev.authbackbone.adapter.in.http.error.RejectedRequest;
import dev.authbackbone.adapter.in.http.error.Rendered;
import dev.authbackbone.adapter.in.http.error.TargetKeepingConnectionFactory;
import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import dev.authbackbone.adapter.in.http.limit.ClientIpRateLimiter;
import dev.authbackbone.adapter.in.http.net.ClientIp;
import dev.authbackbone.adapter.in.http.token.AccessTokens;
import dev.authbackbone.adapter.in.http.wire.Json;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the routes of every resource on one Javalin (Jetty 12) instance, with one
 * error mapping per route family, so that no answer is ever Javalin's or Jetty's default page.
 */
public final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** How long a connection may stay idle while the overall connection cap is reached. */
    private static final Duration AT_CAPACITY_IDLE_TIMEOUT = Duration.ofSeconds(2);

    private final HttpSettings settings;
    private final ErrorResponses errors;
    private final RequestTracing tracing;
    private final ClientIp clientIp;
    private final TokenEndpoints tokenEndpoints;
    private final Javalin app;

    /**
     * @param useCases      the incoming ports the routes call
     * @param accessTokens  issues tokens at sign-in and checks bearer tokens
     * @param clientIpLimit the per-client-address limit on the routes that send mail
     * @param settings      where to listen and how much to accept
     */
    public HttpServer(HttpUseCases useCases, AccessTokens accessTokens, ClientIpLimit clientIpLimit,
                      HttpSettings settings) {
        this(useCases, accessTokens, clientIpLimit, settings, List.of());
    }

    /** As above, plus {@code extraRoutes} from the composition root (health, metrics, the development inbox). */
    public HttpServer(HttpUseCases useCases, AccessTokens accessTokens, ClientIpLimit clientIpLimit,
                      HttpSettings settings, List<RouteGroup> extraRoutes) {
        this(useCases, accessTokens, clientIpLimit, settings, extraRoutes, HttpMetrics.NONE);
    }

    /** As above, with every request and every per-IP refusal told to {@code metrics}. */
    public HttpServer(HttpUseCases useCases, AccessTokens accessTokens, ClientIpLimit clientIpLimit,
                      HttpSettings settings, List<RouteGroup> extraRoutes, HttpMetrics metrics) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(accessTokens, "accessTokens");
        Objects.requireNonNull(clientIpLimit, "clientIpLimit");
        Objects.requireNonNull(metrics, "metrics");
        this.tracing = new RequestTracing(metrics);
        this.settings = Objects.requireNonNull(settings, "settings");
        Json json = new Json();
        this.errors = new ErrorResponses(json, Set.of(ConfirmEmailPageRoutes.PATH, MagicLinkPageRoutes.PATH,
                UndoPageRoutes.PATH, MagicLinkPageRoutes.CODE_PATH));
        this.clientIp = new ClientIp(settings.trustedProxies());
        this.tokenEndpoints = new TokenEndpoints(new ClientIpRateLimiter(settings.tokenIpLimit()), metrics);
        List<RouteGroup> groups = routeGroups(useCases, tokenEndpoints, accessTokens, clientIpLimit, settings, json, metrics);
        groups.addAll(extraRoutes);
        this.app = Javalin.create(config -> configure(config, groups));
    }

    /**
     * Initialises, ahead of {@link #start}, the two slowest pieces a start meets on its way: Jetty's
     * table of media types, whose static initialiser asks the JDK for every available locale (about
     * a tenth of the start on an existing database), and Jackson's first object mapper. Meant for a
     * background thread while the composition root opens the database, so that the second core does
     * it meanwhile; whatever fails here fails again, and is reported, where it is really used.
     */
    public static void warmUp() {
        try {
            Class.forName("org.eclipse.jetty.http.MimeTypes", true, HttpServer.class.getClassLoader());
            Json json = new Json();
            json.read(json.write(Map.of("warm", List.of(1, "up"))));
        } catch (Exception | LinkageError e) {
            LOG.debug("warming up the HTTP classes failed: {}", e.toString());
        }
    }

    /**
     * Starts listening.
     *
     * @return the bound port (the one chosen when the settings say 0)
     * @throws CannotListenException when the host or port cannot be used, saying which and why
     */
    public int start() {
        try {
            app.start();
        } catch (JavalinBindException e) {
            throw CannotListenException.of(settings.host(), settings.port(), e);
        }
        int port = app.port();
        LOG.info("HTTP server listening on {}:{}", settings.host(), port);
        return port;
    }

    /** Stops accepting connections and lets in-flight requests finish, for at most the stop timeout. */
    public void stop() {
        app.stop();
    }

    private static List<RouteGroup> routeGroups(HttpUseCases useCases, TokenEndpoints tokenShape, AccessTokens accessTokens,
                                                ClientIpLimit clientIpLimit, HttpSettings settings,
                                                Json json, HttpMetrics metrics) {
        BearerAuthentication bearer = new BearerAuthentication(accessTokens, useCases.sessions().authenticate());
        RequestBodies bodies = new RequestBodies(json, settings.maxBodyBytes());
        MailSendingLimit limit = new MailSendingLimit(new ClientIpRateLimiter(clientIpLimit), metrics);
        Responses responses = new Responses(json);
        List<RouteGroup> groups = new ArrayList<>(List.of(
                new MagicLinkRoutes(useCases.requestSignInLink(), useCases.signInWithLink(), useCases.signInWithCode(),
                        tokenShape, accessTokens, bodies, limit, responses),
                new MagicLinkPageRoutes(useCases.signInWithLink(), useCases.signInWithCode(), tokenShape, accessTokens, bodies,
                        responses, settings.publicUrl(AccountRoutes.ME)),
                new EmailConfirmationRoutes(useCases.requestEmailConfirmation(), useCases.confirmEmail(),
                        useCases.confirmEmailWithCode(), tokenShape, useCases.resendEmailConfirmation(), bearer, bodies,
                        limit, responses),
                new ConfirmEmailPageRoutes(useCases.confirmEmail(), useCases.previewConfirmation(), tokenShape, bodies,
                        responses),
                new AddressRoutes(useCases.addresses().makePrimary(), useCases.addresses().remove(), bearer, bodies,
                        responses),
                new UndoPageRoutes(useCases.addresses().undo(), tokenShape, bodies, responses),
                new AccountRoutes(useCases.viewAccount(), useCases.viewAccountEvents(), bearer, responses),
                new SessionRoutes(useCases.sessions(), accessTokens, bearer, bodies, responses),
                new ApiDocsRoutes()));
        return groups;
    }

    private void configure(JavalinConfig config, List<RouteGroup> groups) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.prefer405over404 = true;
        config.http.maxRequestSize = settings.maxBodyBytes();
        // The buffer Javalin allocates to copy each result into Jetty's output, 32 KiB unless set:
        // our answers are a few hundred bytes (pages a few KiB), so the default was most of what a
        // request allocated in the HTTP layer. Jetty's own pooled output buffer keeps its size.
        config.http.responseBufferSize = 4096;
        config.jetty.addConnector(this::connector);
        // Bounded: under load every extra thread only waits on the database or SMTP, and costs its stack.
        QueuedThreadPool threads = new QueuedThreadPool(settings.maxThreads(), Math.min(8, settings.maxThreads()));
        threads.setName("JettyServerThreadPool");
        config.jetty.threadPool = threads;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            // Refuse ambiguous paths (encoded slashes, dot segments) rather than route them.
            http.setUriCompliance(UriCompliance.DEFAULT);
            // Jetty keeps a cache of header fields per connection, 96 KiB each at its default of 1,024
            // entries: 420 idle keep-alive connections filled the launcher's 64 MiB heap. Without it a
            // connection costs a few KiB, and parsing a request's few headers allocates a few strings.
            http.setHeaderCacheSize(0);
        });
        JettyErrorHandler jettyErrors = new JettyErrorHandler(errors);
        config.jetty.modifyServer(server -> configureJetty(server, jettyErrors));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
        config.router.javaLangErrorHandler(this::unexpectedError);
        clientIp.addTo(config.routes);
        tracing.addTo(config.routes);
        tokenEndpoints.addTo(config.routes);
        groups.forEach(group -> group.addTo(config.routes));
        config.routes.exception(RejectedRequest.class, (e, ctx) -> errors.send(ctx, e.problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> errors.send(ctx, problemFor(e)));
        config.routes.exception(MailUnavailableException.class, (e, ctx) -> {
            // The use case should have turned this into a result; answering 503 is still the honest reply.
            LOG.warn("Mail transport unavailable escaped a use case on {} {}", ctx.method(), ctx.path());
            errors.send(ctx, new HttpProblem.MailUnavailable(e.retryAfter()));
        });
        config.routes.exception(StorageUnavailableException.class, (e, ctx) -> {
            // An outage, not a bug: one line without a stack trace; the pool logs the details.
            LOG.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            errors.send(ctx, new HttpProblem.StorageUnavailable(e.retryAfter()));
        });
        config.routes.exception(Exception.class, this::unexpected);
    }

    private void configureJetty(Server server, JettyErrorHandler jettyErrors) {
        server.setErrorHandler(jettyErrors);
        // Innermost: what runs on request threads. One address may hold half of them at once, so a
        // client that never reads its answers cannot take every thread (ThreadsPerAddress).
        server.insertHandler(new ThreadsPerAddress(Math.max(1, settings.maxThreads() / 2), settings.uncappedPeers()));
        // Counts in-flight requests so that stop waits for them (refusing new ones meanwhile),
        // bounded by the stop timeout; with a timeout of zero Jetty cuts them off.
        server.insertHandler(new GracefulHandler());
        server.setStopTimeout(settings.stopTimeout().toMillis());
        // Below the body reader, above Javalin, which would otherwise route by X-HTTP-Method-Override.
        server.insertHandler(new MethodOverrideHeaders());
        // Outermost: a request reaches a request thread only once it has fully arrived.
        // The bodies it holds while they arrive share one budget, a share of the heap: per connection they
        // are capped, but many connections at the cap (1,500 of them) filled the launcher's 64 MiB heap.
        server.insertHandler(new WholeRequestHandler(settings.readTimeout(), settings.maxBodyBytes(),
                new BodyBudget(settings.bodyBudgetBytes())));
    }

    /**
     * The one listening connector. An idle connection (between requests, or a client that stops
     * sending) is closed after the read timeout, and so is one whose request headers take longer
     * than that to arrive; each peer address holds a bounded number of them, and so do all together.
     */
    private Connector connector(Server server, HttpConfiguration http) {
        ServerConnector connector = new ServerConnector(server, new TargetKeepingConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(settings.readTimeout().toMillis());
        connector.addEventListener(new ConnectionsPerAddress(settings.maxConnectionsPerIp(), settings.uncappedPeers()));
        HeaderDeadline headers = new HeaderDeadline(settings.readTimeout(), server.getScheduler());
        connector.addEventListener(headers);
        connector.addBean(headers);
        // Many addresses, each under its own cap, could still open connections until the heap ran out:
        // at the overall cap Jetty stops accepting and gives the open ones a short idle timeout, so
        // idle ones make room within seconds while those at work finish.
        NetworkConnectionLimit limit = new NetworkConnectionLimit(settings.maxConnections(), server);
        limit.setEndPointIdleTimeout(Math.min(settings.readTimeout().toMillis(), AT_CAPACITY_IDLE_TIMEOUT.toMillis()));
        server.addBean(limit);
        return connector;
    }

    private void unexpected(Exception e, Context ctx) {
        // Path only: the query of a link page holds a token.
        LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
        errors.send(ctx, new HttpProblem.Internal());
    }

    /**
     * For an {@link Error} from a handler, which Javalin hands over with the response only: without
     * the path there is no route family, so the answer is in {@code {code, message}}.
     */
    private void unexpectedError(HttpServletResponse response, Error error) {
        LOG.error("Unexpected error", error);
        Rendered answer = errors.render(null, new HttpProblem.Internal());
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.setContentType(answer.contentType());
        try {
            response.getOutputStream().write(answer.body());
        } catch (IOException clientGone) {
            LOG.debug("Could not answer after an error: {}", clientGone.toString());
        }
    }

    private HttpProblem problemFor(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> new HttpProblem.NotFound();
            case 405 -> new HttpProblem.MethodNotAllowed(allowedMethods(e));
            case 413 -> new HttpProblem.BodyTooLarge(settings.maxBodyBytes());
            case 500 -> new HttpProblem.Internal();
            default -> new HttpProblem.Refused(e.getStatus());
        };
    }

    /** Javalin puts the methods the path has into the exception's details, joined by commas. */
    private static List<String> allowedMethods(HttpResponseException e) {
        return e.getDetails().values().stream()
                .flatMap(methods -> Arrays.stream(methods.split(",")))
                .map(String::strip)
                .filter(method -> !method.isEmpty())
                .distinct()
                .toList();
    }
}
