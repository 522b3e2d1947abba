import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Benchmark helper, run with the server jar on the class path:
 * {@code java -cp auth-backbone.jar bench/BenchTool.java tokens <secret> <first> <count> <out>}
 * writes one HS256 access token per line for the seeded accounts {@code first .. first+count-1}
 * (ids as seed.sql makes them: 00000000-0000-4000-8000-<index, 12 digits>), signed like the
 * server's own (iss, aud, sub, iat, exp, jti), valid for a day.
 */
public final class BenchTool {

    public static void main(String[] args) throws Exception {
        if (args.length != 5 || !args[0].equals("tokens")) {
            System.err.println("usage: BenchTool tokens <secret> <first> <count> <out>");
            System.exit(2);
        }
        Algorithm hs256 = Algorithm.HMAC256(args[1].getBytes(StandardCharsets.UTF_8));
        long first = Long.parseLong(args[2]);
        long count = Long.parseLong(args[3]);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[4]), StandardCharsets.US_ASCII)) {
            for (long i = first; i < first + count; i++) {
                out.write(JWT.create()
                        .withIssuer("auth-backbone")
                        .withAudience("auth-backbone")
                        .withSubject(accountId(i).toString())
                        .withIssuedAt(now)
                        .withExpiresAt(now.plus(Duration.ofDays(1)))
                        .withJWTId(UUID.randomUUID().toString())
                        .sign(hs256));
                out.write('\n');
            }
        }
    }

    static UUID accountId(long index) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", index));
    }
}
