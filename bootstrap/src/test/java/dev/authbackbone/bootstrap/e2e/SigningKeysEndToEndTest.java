package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.authbackbone.bootstrap.Main;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * Keys as shipped: generated at first start and shared through the database, published as a JWKS
 * that a standard JOSE library verifies our tokens with, and rotated (by the operator command)
 * under two running instances without a restart and without a 401 for any live token.
 */
@OnEveryDatabase
class SigningKeysEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void aStandardJoseLibrary_givenOnlyTheJwksUrl_verifiesOurToken() throws Exception {
        try (TestServer server = TestServer.start(database, with("AUTH_PUBLIC_BASE_URL", "https://auth.example.test"))) {
            String account = server.openAccount("nimbus@example.com");
            String token = server.issue(account);

            Answer discovery = server.get("/.well-known/openid-configuration", null);
            assertThat(discovery.status()).isEqualTo(200);
            assertThat(discovery.json().get("issuer").asText()).isEqualTo("auth-backbone");
            assertThat(discovery.json().get("jwks_uri").asText()).isEqualTo("https://auth.example.test/.well-known/jwks.json");
            assertThat(discovery.json().get("id_token_signing_alg_values_supported").get(0).asText()).isEqualTo("RS256");

            JWTClaimsSet claims = nimbus(server).process(token, null);

            assertThat(claims.getSubject()).isEqualTo(account);
            assertThat(claims.getIssuer()).isEqualTo("auth-backbone");
            assertThat(claims.getAudience()).containsExactly("auth-backbone");
            assertThat(claims.getJWTID()).isNotBlank();
        }
    }

    @Test
    void jwks_showsEveryPublicParameterAndNoPrivateOne() {
        try (TestServer server = TestServer.start(database, TestServer.WITH_KEYS)) {
            Answer answer = server.get("/.well-known/jwks.json", null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as("a key refresh (30 s by default)").isEqualTo("public, max-age=30");
            JsonNode key = answer.json().get("keys").get(0);
            assertThat(answer.json().get("keys").size()).isEqualTo(1);
            assertThat(key.get("kid").asText()).isEqualTo(StoredKeys.currentKid(server.database));
            assertThat(key.get("kty").asText()).isEqualTo("RSA");
            assertThat(key.get("alg").asText()).isEqualTo("RS256");
            assertThat(key.get("use").asText()).isEqualTo("sig");
            assertThat(key.get("e").asText()).isEqualTo("AQAB");
            assertThat(key.get("n").asText()).matches("[A-Za-z0-9_-]{342}");
            List<String> names = new ArrayList<>();
            key.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactlyInAnyOrder("kid", "kty", "alg", "use", "n", "e");
        }
    }

    @Test
    void rotation_underTwoInstances_keepsOldTokensAndSwitchesBothToTheNewKidWithoutRestart() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        FreshDatabase shared = database.fresh();
        Map<String, String> settings = Map.of("AUTH_JWT_SECRET", "", "AUTH_JWT_KEY_REFRESH", "300ms");
        try (TestServer a = TestServer.instance(shared, smtp, settings);
             TestServer b = TestServer.instance(shared, smtp, settings)) {
            String account = a.openAccount("rotation@example.com");
            String oldKid = StoredKeys.currentKid(shared);
            String fromA = a.issue(account);
            String fromB = b.issue(account);
            assertThat(StoredKeys.count(shared)).as("both instances found the key the first one made").isEqualTo(1);
            assertThat(List.of(kidOf(fromA), kidOf(fromB))).containsOnly(oldKid);

            assertThat(rotateByCommand(shared)).contains("signs new access tokens");
            String newKid = StoredKeys.currentKid(shared);
            assertThat(newKid).isNotEqualTo(oldKid);

            for (TestServer instance : List.of(a, b)) {
                awaitTrue(() -> {
                    boolean signsWithIt = kidOf(instance.issue(account)).equals(newKid);
                    if (signsWithIt) {
                        for (TestServer any : List.of(a, b)) {
                            assertThat(kids(any.get("/.well-known/jwks.json", null))).as("published on %s before any instance signs with it",
                                    any.base).contains(newKid);
                        }
                    }
                    return signsWithIt;
                }, "new tokens carry the new kid on " + instance.base);
                for (String old : List.of(fromA, fromB)) {
                    assertThat(instance.get("/api/auth/me", old).status()).as("a token signed before the rotation").isEqualTo(200);
                }
                assertThat(instance.get("/api/auth/me", a.issue(account)).status()).isEqualTo(200);
                assertThat(instance.get("/api/auth/me", b.issue(account)).status()).isEqualTo(200);
                assertThat(kids(instance.get("/.well-known/jwks.json", null))).containsExactlyInAnyOrder(oldKid, newKid);
            }
            JWTClaimsSet verifiedOld = nimbus(b).process(fromA, null);
            assertThat(verifiedOld.getSubject()).isEqualTo(account);
        } finally {
            shared.close();
            smtp.stop();
        }
    }

    /**
     * Another service that keeps our JWKS as long as its {@code Cache-Control} allows, fetched just
     * before a rotation. The header used to allow a minute while a new key signed 4 s after it was
     * made (a 2 s key refresh): that service refused every token of the new key until its copy ran
     * out (an outside probe with the defaults: about 20 s of refusals after each rotation).
     */
    @Test
    void aVerifierHonouringTheJwksCacheHeader_holdsTheNewKeyBeforeAnyTokenCarriesIt() throws Exception {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        FreshDatabase shared = database.fresh();
        try (TestServer server = TestServer.instance(shared, smtp, Map.of("AUTH_JWT_SECRET", "", "AUTH_JWT_KEY_REFRESH", "2s"))) {
            String account = server.openAccount("cached@example.com");
            Answer copy = server.get("/.well-known/jwks.json", null);
            Instant fetchedAt = Instant.now();
            String oldKid = kidOf(server.issue(account));
            assertThat(kids(copy)).containsExactly(oldKid);

            rotateByCommand(shared);
            String newKid = StoredKeys.currentKid(shared);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            String kid = oldKid;
            while (!kid.equals(newKid)) {
                assertThat(Instant.now()).as("the new key never signed").isBefore(deadline);
                Duration maxAge = Duration.ofSeconds(Long.parseLong(copy.header("Cache-Control").replaceAll(".*max-age=", "")));
                if (!Instant.now().isBefore(fetchedAt.plus(maxAge))) {
                    copy = server.get("/.well-known/jwks.json", null);
                    fetchedAt = Instant.now();
                }
                kid = kidOf(server.issue(account));
                assertThat(kids(copy)).as("the verifier's copy, fetched %s ago", Duration.between(fetchedAt, Instant.now()))
                        .contains(kid);
                Thread.sleep(200);
            }
        } finally {
            shared.close();
            smtp.stop();
        }
    }

    /**
     * No instance signs with a key younger than the publish delay, by which time this one has re-read it on
     * schedule; this token breaks that rule on purpose (a late scheduled read, clocks far apart). It is not
     * waited for: refused at once, it has the keys read in the background, and is accepted soon after,
     * long before the hour-long schedule.
     */
    @Test
    void tokenWithAKidMadeElsewhere_isRefusedWithoutWaiting_thenAcceptedAfterTheBackgroundRead_beforeTheScheduledOne()
            throws InterruptedException {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp"));
        smtp.start();
        FreshDatabase shared = database.fresh();
        try (TestServer server = TestServer.instance(shared, smtp, Map.of("AUTH_JWT_SECRET", "", "AUTH_JWT_KEY_REFRESH", "1h"))) {
            String account = server.openAccount("elsewhere@example.com");
            String before = server.issue(account);
            rotateByCommand(shared);
            String newKid = StoredKeys.currentKid(shared);
            Instant now = Instant.now();
            // Signed with the new key as another instance would, while this one has not re-read yet.
            String fromElsewhere = JWT.create().withKeyId(newKid).withIssuer("auth-backbone").withAudience("auth-backbone")
                    .withSubject(account).withClaim("sid", TestServer.sessionIdOf(account)).withIssuedAt(now).withExpiresAt(now.plusSeconds(600))
                    .withJWTId(UUID.randomUUID().toString()).sign(StoredKeys.algorithm(shared, newKid));

            assertThat(server.get("/api/auth/me", fromElsewhere).status()).as("unknown here: refused, never waited for").isEqualTo(401);
            awaitTrue(() -> server.get("/api/auth/me", fromElsewhere).status() == 200, "the kid is known after the background read");
            assertThat(server.get("/api/auth/me", before).status()).isEqualTo(200);
            assertThat(kids(server.get("/.well-known/jwks.json", null))).contains(newKid, kidOf(before));
        } finally {
            shared.close();
            smtp.stop();
        }
    }

    @Test
    void keyFile_signsWithItsThumbprintKid_publishesOnlyIt_andStoresNothing() throws Exception {
        java.security.KeyPair pair = StoredKeys.foreign();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("jwt-key", ".pem");
        java.nio.file.Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        try (TestServer server = TestServer.start(database, with("AUTH_JWT_PRIVATE_KEY_FILE", file.toString()))) {
            String account = server.openAccount("keyfile@example.com");
            String token = server.issue(account);
            List<String> published = kids(server.get("/.well-known/jwks.json", null));

            assertThat(published).containsExactly(kidOf(token));
            assertThat(nimbus(server).process(token, null).getSubject()).isEqualTo(account);
            assertThat(com.auth0.jwt.JWT.require(com.auth0.jwt.algorithms.Algorithm.RSA256(
                    (java.security.interfaces.RSAPublicKey) pair.getPublic(), null)).build().verify(token).getSubject()).isEqualTo(account);
            assertThat(StoredKeys.count(server.database)).isZero();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(Main.command(List.of("keys", "rotate"), Map.of("AUTH_DB_URL", server.dbUrl,
                    "AUTH_JWT_PRIVATE_KEY_FILE", file.toString()), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("AUTH_JWT_PRIVATE_KEY_FILE");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> settings = new HashMap<>(TestServer.WITH_KEYS);
        settings.put(name, value);
        return settings;
    }

    /** A verifier as another service would build it: nimbus, the JWKS URL, our issuer and audience. */
    private static DefaultJWTProcessor<SecurityContext> nimbus(TestServer server) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder
                .create(URI.create(server.base + "/.well-known/jwks.json").toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("auth-backbone",
                new JWTClaimsSet.Builder().issuer("auth-backbone").build(), Set.of("sub", "iat", "exp", "jti")));
        return processor;
    }

    private String rotateByCommand(FreshDatabase shared) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.command(List.of("keys", "rotate"), Map.of("AUTH_DB_URL", shared.url()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String kidOf(String token) {
        return JWT.decode(token).getKeyId();
    }

    private static List<String> kids(Answer jwks) {
        List<String> kids = new ArrayList<>();
        jwks.json().get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    private static void awaitTrue(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
