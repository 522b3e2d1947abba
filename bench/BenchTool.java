import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * Benchmark helper, run with the server jar on the class path while the server is stopped:
 * {@code java -cp auth-backbone.jar bench/BenchTool.java tokens <jdbc url> <user> <password> <first> <count> <out>}
 * starts one live session per seeded account {@code first .. first+count-1} (ids as the seed SQL
 * makes them: 00000000-0000-4000-8000-<index, 12 digits>; sessions 00000000-0000-4000-9000-<index>)
 * in the database, and writes one access token per line, signed as the server signs its own:
 * RS256 with the database's current signing key (its {@code kid} in the header), with iss, aud,
 * sub, sid, iat, exp and jti, valid for a day. So every benchmark request pays the real
 * verification and the real session check. Beside {@code <out>}, {@code <out>.ended} holds a
 * token of a session that has ended (the server must refuse it).
 */
public final class BenchTool {

    public static void main(String[] args) throws Exception {
        if (args.length != 7 || !args[0].equals("tokens")) {
            System.err.println("usage: BenchTool tokens <jdbc url> <user> <password> <first> <count> <out>");
            System.exit(2);
        }
        long first = Long.parseLong(args[4]);
        long count = Long.parseLong(args[5]);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // An empty user leaves the URL's own (PostgreSQL's ?user=) in charge.
        try (Connection db = args[2].isEmpty() ? DriverManager.getConnection(args[1])
                : DriverManager.getConnection(args[1], args[2], args[3])) {
            db.setAutoCommit(false);
            String kid;
            Algorithm rs256;
            try (PreparedStatement key = db.prepareStatement("SELECT kid, private_key, public_key FROM signing_key"
                    + " WHERE retired_at IS NULL AND algorithm = 'RS256' ORDER BY generation DESC");
                 ResultSet rs = key.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no signing key stored: start the server once first");
                }
                kid = rs.getString(1);
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                rs256 = Algorithm.RSA256(
                        (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(rs.getString(3)))),
                        (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString(2)))));
            }
            try (PreparedStatement session = db.prepareStatement("INSERT INTO user_session (id, account_id, created_at,"
                    + " last_used_at, ended_at, end_reason) VALUES (?, ?, ?, ?, NULL, NULL)");
                 BufferedWriter out = Files.newBufferedWriter(Path.of(args[6]), StandardCharsets.US_ASCII)) {
                Timestamp at = Timestamp.from(now);
                for (long i = first; i < first + count; i++) {
                    UUID sid = sessionId(i);
                    session.setObject(1, sid);
                    session.setObject(2, accountId(i));
                    session.setTimestamp(3, at);
                    session.setTimestamp(4, at);
                    session.addBatch();
                    out.write(JWT.create()
                            .withKeyId(kid)
                            .withIssuer("auth-backbone")
                            .withAudience("auth-backbone")
                            .withSubject(accountId(i).toString())
                            .withClaim("sid", sid.toString())
                            .withIssuedAt(now)
                            .withExpiresAt(now.plus(Duration.ofDays(1)))
                            .withJWTId(UUID.randomUUID().toString())
                            .sign(rs256));
                    out.write('\n');
                }
                session.executeBatch();
            }
            // One more session, already ended, and its token: the run checks that the server refuses it,
            // so it is known that the session check ran inside the measured requests.
            UUID ended = sessionId(0);
            try (PreparedStatement session = db.prepareStatement("INSERT INTO user_session (id, account_id, created_at,"
                    + " last_used_at, ended_at, end_reason) VALUES (?, ?, ?, ?, ?, 'SIGNED_OUT')")) {
                Timestamp at = Timestamp.from(now);
                session.setObject(1, ended);
                session.setObject(2, accountId(first));
                session.setTimestamp(3, at);
                session.setTimestamp(4, at);
                session.setTimestamp(5, at);
                session.executeUpdate();
            }
            Files.writeString(Path.of(args[6] + ".ended"), JWT.create()
                    .withKeyId(kid)
                    .withIssuer("auth-backbone")
                    .withAudience("auth-backbone")
                    .withSubject(accountId(first).toString())
                    .withClaim("sid", ended.toString())
                    .withIssuedAt(now)
                    .withExpiresAt(now.plus(Duration.ofDays(1)))
                    .withJWTId(UUID.randomUUID().toString())
                    .sign(rs256) + "\n", StandardCharsets.US_ASCII);
            db.commit();
        }
    }

    static UUID accountId(long index) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", index));
    }

    static UUID sessionId(long index) {
        return UUID.fromString(String.format("00000000-0000-4000-9000-%012d", index));
    }
}
