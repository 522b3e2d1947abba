package dev.authbackbone.adapter.in.http;

import dev.authbackbone.adapter.in.http.connection.BodyBudget;
import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import dev.authbackbone.adapter.in.http.net.TrustedProxies;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where the server listens and how much it accepts.
 *
 * @param host          the interface to bind, such as {@code 127.0.0.1}
 * @param port          the port to bind; 0 picks a free one ({@link HttpServer#start()} returns it)
 * @param maxBodyBytes  the longest request body read; longer ones get 413 unread
 * @param stopTimeout   how long {@link HttpServer#stop()} lets in-flight requests finish
 * @param publicBaseUrl the URL clients reach this server at, used in the examples on the pages
 * @param maxThreads    the most request threads; requests beyond that wait for one (a handler blocks
 *                      on the database and on SMTP, so more threads than that work needs only cost memory)
 * @param readTimeout   the most a request may take to arrive in full; also how long an idle connection stays open
 * @param maxConnectionsPerIp the most connections one peer address may hold open
 * @param maxConnections the most connections open at once, from everyone; at the cap no more are
 *                      accepted, and idle ones are closed sooner
 * @param trustedProxies whose {@code X-Forwarded-For} names the client
 * @param tokenIpLimit  the per-client-address limit on the routes that redeem a token
 * @param bodyBudgetBytes what the request bodies still arriving may hold in memory together; a body
 *                      it cannot cover is answered 503 (at least {@code maxBodyBytes + 1})
 */
public record HttpSettings(String host, int port, int maxBodyBytes, Duration stopTimeout, URI publicBaseUrl,
                           int maxThreads, Duration readTimeout, int maxConnectionsPerIp, int maxConnections,
                           TrustedProxies trustedProxies, ClientIpLimit tokenIpLimit, long bodyBudgetBytes) {

    /** Our bodies are a few hundred bytes; 16 KiB leaves room without inviting abuse. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Enough for Jetty's own acceptor and selector threads plus the requests of a few cores. */
    public static final int DEFAULT_MAX_THREADS = 48;
    /** Enough for a person retyping a code or a page reloaded a few times; far too few to guess a 256-bit token. */
    public static final ClientIpLimit DEFAULT_TOKEN_IP_LIMIT = ClientIpLimit.of(30, Duration.ofMinutes(1));
    private static final int MIN_THREADS = 8;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Plenty for one browser or a NAT of a few people; far too few to exhaust sockets or memory. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 64;
    /**
     * An idle connection holds about 5 KiB of heap: 2,000 of them some 10 MiB, which the launcher's
     * 64 MiB heap carries beside the work (docs/operations.md, "Slow clients").
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 2_000;
    private static final int MAX_BODY_BYTES_CEILING = 1024 * 1024;

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(tokenIpLimit, "tokenIpLimit");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port: 0 to 65535");
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
            throw new IllegalArgumentException("maxBodyBytes: 1 to " + MAX_BODY_BYTES_CEILING);
        }
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("maxThreads: at least " + MIN_THREADS);
        }
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (readTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("readTimeout: at least 1 ms");
        }
        if (maxConnectionsPerIp < 1) {
            throw new IllegalArgumentException("maxConnectionsPerIp: at least 1");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: at least 1");
        }
        if (bodyBudgetBytes <= maxBodyBytes) {
            throw new IllegalArgumentException("bodyBudgetBytes: at least maxBodyBytes + 1 = " + (maxBodyBytes + 1L));
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout: must not be negative");
        }
        String scheme = publicBaseUrl.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("publicBaseUrl: an http or https URL is required");
        }
    }

    /**
     * The defaults for body size ({@value #DEFAULT_MAX_BODY_BYTES} bytes), stop timeout (10 s) and threads;
     * the body budget is a share of this JVM's heap ({@link BodyBudget#forHeap}).
     */
    public static HttpSettings of(String host, int port, URI publicBaseUrl) {
        return new HttpSettings(host, port, DEFAULT_MAX_BODY_BYTES, DEFAULT_STOP_TIMEOUT, publicBaseUrl,
                DEFAULT_MAX_THREADS, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS_PER_IP, DEFAULT_MAX_CONNECTIONS,
                TrustedProxies.NONE, DEFAULT_TOKEN_IP_LIMIT,
                Math.max(BodyBudget.forHeap(Runtime.getRuntime().maxMemory()), DEFAULT_MAX_BODY_BYTES + 1L));
    }

    /** These settings with at most {@code threads} request threads. */
    public HttpSettings withMaxThreads(int threads) {
        return new HttpSettings(host, port, maxBodyBytes, stopTimeout, publicBaseUrl, threads, readTimeout,
                maxConnectionsPerIp, maxConnections, trustedProxies, tokenIpLimit, bodyBudgetBytes);
    }

    /** These settings with another read timeout, per-address connection cap and overall connection cap. */
    public HttpSettings withSlowClientLimits(Duration timeout, int connectionsPerIp, int connections) {
        return new HttpSettings(host, port, maxBodyBytes, stopTimeout, publicBaseUrl, maxThreads, timeout,
                connectionsPerIp, connections, trustedProxies, tokenIpLimit, bodyBudgetBytes);
    }

    /** These settings believing {@code X-Forwarded-For} from {@code proxies}, which the connection cap also spares. */
    public HttpSettings withTrustedProxies(TrustedProxies proxies) {
        return new HttpSettings(host, port, maxBodyBytes, stopTimeout, publicBaseUrl, maxThreads, readTimeout,
                maxConnectionsPerIp, maxConnections, proxies, tokenIpLimit, bodyBudgetBytes);
    }

    /** These settings with {@code limit} on the routes that redeem a token. */
    public HttpSettings withTokenIpLimit(ClientIpLimit limit) {
        return new HttpSettings(host, port, maxBodyBytes, stopTimeout, publicBaseUrl, maxThreads, readTimeout,
                maxConnectionsPerIp, maxConnections, trustedProxies, limit, bodyBudgetBytes);
    }

    /** These settings with {@code bytes} for the request bodies still arriving, together (tests use a small one). */
    public HttpSettings withBodyBudget(long bytes) {
        return new HttpSettings(host, port, maxBodyBytes, stopTimeout, publicBaseUrl, maxThreads, readTimeout,
                maxConnectionsPerIp, maxConnections, trustedProxies, tokenIpLimit, bytes);
    }

    /** The peers the per-address connection cap does not apply to: a trusted proxy carries many clients. */
    public Predicate<InetAddress> uncappedPeers() {
        return peer -> trustedProxies.isTrusted(peer.getHostAddress());
    }

    /** {@code path} (starting with a slash) under the public base URL. */
    String publicUrl(String path) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
