package dev.authbackbone.adapter.in.http.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.session.StartedSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies access tokens: JWTs with {@code iss}, {@code aud}, {@code sub} (the account
 * id), {@code sid} (the session id), {@code iat}, {@code exp} and a random {@code jti}. Signed with the newest RS256 key of a
 * {@link SigningKeyCache} (its {@code kid} in the header), or, in the legacy mode, HS256 with a
 * shared secret. Verification pins the algorithm of the mode: {@code alg: none}, HMAC while keys are
 * asymmetric, and every other algorithm fail before any key is tried.
 */
public final class AccessTokens {

    /** HS256 needs a key at least as long as its output (RFC 7518 section 3.2). */
    public static final int MIN_SECRET_BYTES = 32;
    /** Our tokens are under 700 characters; anything far longer is not ours and is not parsed. */
    public static final int MAX_TOKEN_CHARS = 4096;
    /**
     * How far in the future a token's {@code iat} may lie: another instance's clock may run a little
     * ahead of ours. Expiry gets none: a token is refused the moment its {@code exp} has passed.
     */
    private static final long ISSUED_AT_LEEWAY_SECONDS = 5;
    /** The session the token belongs to; this server refuses the token once the session ends. */
    static final String SESSION_CLAIM = "sid";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;
    /** Legacy mode: the one HMAC key; null when keys sign. */
    private final JWTVerifier hmacVerifier;
    private final Algorithm hmac;
    /** Key mode: the keys; null in the legacy mode. */
    private final SigningKeyCache keys;
    /** One verifier per {@code kid}: a kid is the thumbprint of its key, so the pair never changes. */
    private final Map<String, JWTVerifier> keyVerifiers = new ConcurrentHashMap<>();
    /**
     * Tokens that passed every check, by the SHA-256 of their exact text, with their expiry. A client
     * presents the same token on every request for its lifetime, and checking an RS256 signature
     * again was the largest single cost of a request (a quarter of its CPU without C2's big-integer
     * intrinsics). Only the whole text can hit, so a changed header, payload or signature is verified
     * afresh; a hit is refused once the token has expired; the session is still checked per request.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    /** Bounds {@link #verified} to a few hundred KiB; when full it starts over. */
    static final int MAX_REMEMBERED = 4096;

    /**
     * The legacy mode: HS256 with one shared secret.
     *
     * @param secret   the HMAC key, at least {@value #MIN_SECRET_BYTES} bytes (copied)
     * @param issuer   the {@code iss} issued and required
     * @param audience the {@code aud} issued and required
     * @param ttl      how long an issued token is valid, at least one second
     * @param clock    the time tokens are issued and checked at
     * @throws IllegalArgumentException when the secret is too short or an argument is blank
     */
    public AccessTokens(byte[] secret, String issuer, String audience, Duration ttl, Clock clock) {
        this(Objects.requireNonNull(secret, "secret"), null, issuer, audience, ttl, clock);
    }

    /** Tokens signed with the newest key of {@code keys} and verified with the key their {@code kid} names. */
    public AccessTokens(SigningKeyCache keys, String issuer, String audience, Duration ttl, Clock clock) {
        this(null, Objects.requireNonNull(keys, "keys"), issuer, audience, ttl, clock);
    }

    private AccessTokens(byte[] secret, SigningKeyCache keys, String issuer, String audience, Duration ttl, Clock clock) {
        if (secret != null && secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret: at least " + MIN_SECRET_BYTES + " bytes are required for HS256");
        }
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.getSeconds() < 1) {
            throw new IllegalArgumentException("ttl: at least one second");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = keys;
        this.hmac = secret == null ? null : Algorithm.HMAC256(secret.clone());
        this.hmacVerifier = hmac == null ? null : verification(hmac);
    }

    /** The one place the required claims are listed; {@code JWT.require} also pins {@code algorithm}'s name. */
    private JWTVerifier verification(Algorithm algorithm) {
        return ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                .withIssuer(issuer)
                .withAudience(audience)
                .withClaimPresence("sub")
                .withClaimPresence(SESSION_CLAIM)
                .withClaimPresence("iat")
                .withClaimPresence("exp")
                .withClaimPresence("jti")
                .acceptLeeway(ISSUED_AT_LEEWAY_SECONDS)
                .acceptExpiresAt(0))
                .build(clock);
    }

    /** Whether tokens are signed with keys published in the JWKS (false in the legacy HS256 mode). */
    public boolean signsWithKeys() {
        return keys != null;
    }

    /** A fresh token for {@code account} in {@code session}, valid for the configured time from now. */
    public IssuedAccessToken issue(AccountId account, SessionId session) {
        return issue(account, session, Instant.MAX);
    }

    /**
     * A fresh token for {@code account} in the session just started or refreshed, valid for the
     * configured time from now, but never past the session's own end: other services, verifying
     * offline, would otherwise accept it for up to a token lifetime after the session had ended by
     * its maximum age.
     */
    public IssuedAccessToken issue(AccountId account, StartedSession session) {
        return issue(account, session.id(), session.endsBy());
    }

    private IssuedAccessToken issue(AccountId account, SessionId session, Instant notAfter) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(session, "session");
        // JWT times are whole seconds; truncating first keeps exp - iat exactly the TTL.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant full = now.plus(ttl);
        Instant expiresAt = notAfter.isBefore(full) ? notAfter.truncatedTo(ChronoUnit.SECONDS) : full;
        JWTCreator.Builder builder = JWT.create();
        Algorithm algorithm = hmac;
        if (keys != null) {
            // One read of the cache's snapshot: the kid and the key that signs always belong together.
            SigningKeyCache.Signer signer = keys.signer();
            builder.withKeyId(signer.kid());
            algorithm = signer.algorithm();
        }
        String token = builder
                .withIssuer(issuer)
                .withAudience(audience)
                .withSubject(account.toString())
                .withClaim(SESSION_CLAIM, session.toString())
                .withIssuedAt(now)
                .withExpiresAt(expiresAt)
                .withJWTId(UUID.randomUUID().toString())
                .sign(algorithm);
        return new IssuedAccessToken(token, Duration.between(now, expiresAt));
    }

    /**
     * The account a token speaks for, or empty when the token is not one we issued and still
     * valid: wrongly signed, another algorithm, another issuer or audience, expired, issued in the
     * future, missing a claim, a subject that is not an account id, too long to be ours, or any part
     * not spelled as canonical unpadded base64url.
     */
    public Optional<AccountId> verify(String token) {
        return verifyClaims(token).map(VerifiedAccessToken::account);
    }

    /**
     * As {@link #verify}, with the session the token belongs to; a token without a well-formed
     * {@code sid} is not valid. Whether the session is still live is for the caller to check.
     */
    public Optional<VerifiedAccessToken> verifyClaims(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        String key = fingerprint(token);
        Verified known = verified.get(key);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return Optional.of(known.claims());
            }
            verified.remove(key);
            return Optional.empty();
        }
        if (!canonical(token)) {
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = verifierFor(token).verify(token);
            // RFC 7515 4.1.11: a header listing extensions as critical must be refused by a verifier
            // that does not understand them, and we understand none; java-jwt does not look.
            if (!jwt.getHeaderClaim("crit").isMissing()) {
                return Optional.empty();
            }
            AccountId account = AccountId.parse(jwt.getSubject());
            Optional<VerifiedAccessToken> claims = SessionId.parse(jwt.getClaim(SESSION_CLAIM).asString())
                    .map(session -> new VerifiedAccessToken(account, session));
            claims.ifPresent(c -> remember(key, c, jwt.getExpiresAtAsInstant()));
            return claims;
        } catch (JWTVerificationException | IllegalArgumentException rejected) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code token} is three segments of unpadded base64url, each spelled exactly as its bytes
     * encode. java-jwt decodes leniently: it takes padding, and ignores the unused low bits of a
     * segment's last character (4 of an RS256 signature, 2 of HS256), so without this check one
     * token had 16 (or 4) spellings that verified, and a deny-list keyed on the text could be
     * bypassed. A signature covers the header and payload as sent, but not its own spelling.
     */
    private static boolean canonical(String token) {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) {
            return false;
        }
        for (String segment : segments) {
            try {
                if (!BASE64URL.encodeToString(Base64.getUrlDecoder().decode(segment)).equals(segment)) {
                    return false;
                }
            } catch (IllegalArgumentException notBase64Url) {
                return false;
            }
        }
        return true;
    }

    private void remember(String key, VerifiedAccessToken claims, Instant expiresAt) {
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(key, new Verified(claims, expiresAt));
    }

    private static String fingerprint(String token) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A token that verified: what it says, and when it stops being accepted (its {@code exp}, as RFC 7519 reads it). */
    private record Verified(VerifiedAccessToken claims, Instant expiresAt) {
    }

    /**
     * The verifier for {@code token}'s header: in the key mode only {@code RS256} with a {@code kid}
     * we hold (or find on re-reading) gets one, so the header never chooses HMAC, {@code none} or a
     * key of its own.
     *
     * @throws JWTVerificationException when the header asks for anything else
     */
    private JWTVerifier verifierFor(String token) {
        if (keys == null) {
            return hmacVerifier;
        }
        DecodedJWT unverified = JWT.decode(token);
        String kid = unverified.getKeyId();
        if (!SigningKeyCache.ALGORITHM.equals(unverified.getAlgorithm()) || kid == null || kid.length() > 64) {
            throw new JWTVerificationException("not an RS256 token with a key id");
        }
        JWTVerifier known = keyVerifiers.get(kid);
        if (known != null) {
            return known;
        }
        Algorithm algorithm = keys.verifierFor(kid).orElseThrow(() -> new JWTVerificationException("an unknown key id"));
        return keyVerifiers.computeIfAbsent(kid, k -> verification(algorithm));
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank");
        }
        return value;
    }

    @Override
    public String toString() {
        return "AccessTokens[" + (keys == null ? "HS256" : keys) + ", issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + "]";
    }
}
