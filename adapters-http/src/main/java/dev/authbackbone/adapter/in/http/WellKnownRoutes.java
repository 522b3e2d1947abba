package dev.authbackbone.adapter.in.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.token.SigningKeyCache;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /.well-known/jwks.json}, the public keys whose tokens may still be live, and {@code GET
 * /.well-known/openid-configuration}, which points a standard JWT library at them. Both may be
 * cached briefly: a new key is announced on the JWKS before any token carries it only on this
 * instance, so a verifier that meets an unknown {@code kid} should re-fetch (as JOSE libraries do).
 */
public final class WellKnownRoutes implements RouteGroup {

    public static final String JWKS = "/.well-known/jwks.json";
    public static final String DISCOVERY = "/.well-known/openid-configuration";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<SigningKeyCache> keys;
    private final String issuer;
    private final String publicBaseUrl;
    private final String cacheControl;

    /**
     * @param keys          the key cache, or empty in the legacy HS256 mode (the JWKS is then empty)
     * @param issuer        the {@code iss} tokens carry
     * @param publicBaseUrl where clients reach this service, without a trailing slash
     * @param cacheFor      how long verifiers may keep both documents ({@code max-age}, in whole
     *                      seconds): no instance signs with a new key until it has been published
     *                      for longer than that, so a verifier that honours the header holds it in time
     */
    public WellKnownRoutes(Optional<SigningKeyCache> keys, String issuer, String publicBaseUrl, Duration cacheFor) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.publicBaseUrl = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        this.cacheControl = "public, max-age=" + cacheFor.getSeconds();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(JWKS, this::jwks);
        routes.head(JWKS, this::jwks);
        routes.get(DISCOVERY, this::discovery);
        routes.head(DISCOVERY, this::discovery);
    }

    private void jwks(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("keys");
        for (SigningKeyCache.PublishedKey key : keys.map(SigningKeyCache::published).orElse(List.of())) {
            list.addObject().put("kty", key.kty()).put("kid", key.kid()).put("use", key.use()).put("alg", key.alg())
                    .put("n", key.n()).put("e", key.e());
        }
        answer(ctx, body, "application/json");
    }

    private void discovery(Context ctx) {
        ObjectNode body = JSON.createObjectNode();
        body.put("issuer", issuer);
        body.put("jwks_uri", publicBaseUrl + JWKS);
        body.putArray("id_token_signing_alg_values_supported").add(keys.isPresent() ? SigningKeyCache.ALGORITHM : "HS256");
        body.putArray("subject_types_supported").add("public");
        body.putArray("claims_supported").add("iss").add("aud").add("sub").add("iat").add("exp").add("jti").add("sid");
        answer(ctx, body, "application/json");
    }

    private void answer(Context ctx, ObjectNode body, String contentType) {
        ctx.status(200);
        ctx.header("Cache-Control", cacheControl);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(contentType);
        ctx.result(body.toString());
    }
}
