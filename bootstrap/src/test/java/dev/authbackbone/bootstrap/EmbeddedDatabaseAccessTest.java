package dev.authbackbone.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database of a running server, attacked as another local user would: through the
 * AUTO_SERVER listener named in the lock file, with H2's default login {@code sa} and an empty
 * password, to read the JWT secret with {@code FILE_READ} and run Java with {@code CREATE ALIAS}.
 * Tests run as one operating-system user, so "another user" is played by what such a user could
 * know: the listener and its key (which the owner-only modes asserted here keep from them anyway)
 * but not the password file.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path workDir;

    @Test
    void runningServer_attackerWithTheLockFileKeyAndTheDefaultLogin_cannotLogIn() throws Exception {
        Path data = workDir.resolve("data");
        try (AuthBackbone server = AuthBackbone.start(Configuration.load(Map.of(
                "AUTH_DATA_DIR", data.toString(), "AUTH_HTTP_PORT", "0")))) {
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(data.resolve("auth-backbone.lock.db"))) {
                lock.load(in);
            }
            String listener = lock.getProperty("server");
            // H2 writes "localhost" for a loopback bind address; the test only ever dials 127.0.0.1.
            assertThat(listener.substring(0, listener.indexOf(':'))).as("the AUTO_SERVER listener in the lock file")
                    .isIn("127.0.0.1", "localhost");
            int port = Integer.parseInt(listener.substring(listener.indexOf(':') + 1));
            try (Socket reachable = new Socket()) {
                reachable.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            String attackUrl = "jdbc:h2:tcp://127.0.0.1:" + port + "/" + lock.getProperty("id");

            assertThatThrownBy(() -> attack(attackUrl, data.resolve("auth-backbone.db-password")))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD));
        }
    }

    @Test
    void runningServer_dataFolderAndEveryFileInIt_areTheOwnersOnly() throws Exception {
        Path data = workDir.resolve("data");
        try (AuthBackbone server = AuthBackbone.start(Configuration.load(Map.of(
                "AUTH_DATA_DIR", data.toString(), "AUTH_HTTP_PORT", "0")))) {
            assertThat(posix(data)).isEqualTo("rwx------");
            List<Path> files;
            try (Stream<Path> list = Files.list(data)) {
                files = list.toList();
            }
            assertThat(files).extracting(f -> f.getFileName().toString())
                    .contains("auth-backbone.mv.db", "auth-backbone.lock.db", "auth-backbone.db-password");
            assertThat(files).allSatisfy(f -> assertThat(posix(f)).as("%s", f).isEqualTo("rw-------"));
        }
    }

    @Test
    void restart_dataLeftWorldReadableByAnOlderVersion_isNarrowedAtStart() throws Exception {
        Path data = Files.createDirectories(workDir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(data.resolve("jwt-secret"), "an-older-development-secret-of-48-characters-xx");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));

        try (AuthBackbone server = AuthBackbone.start(Configuration.load(Map.of(
                "AUTH_DATA_DIR", data.toString(), "AUTH_HTTP_PORT", "0")))) {
            assertThat(posix(data)).isEqualTo("rwx------");
            assertThat(posix(old)).isEqualTo("rw-------");
        }
    }

    @Test
    void runningServer_operatorCommand_opensTheDatabaseThroughTheServer() {
        Map<String, String> env = Map.of("AUTH_DATA_DIR", workDir.resolve("data").toString(), "AUTH_HTTP_PORT", "0");
        try (AuthBackbone server = AuthBackbone.start(Configuration.load(env))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = new OperatorCommands(Configuration.load(env), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("accounts", "create", "grace@example.com"));

            assertThat(exit).as("stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("opened for grace@example.com");
        }
    }

    @Test
    void plainH2FileUrl_startsTheServer() {
        String url = "jdbc:h2:file:" + workDir.resolve("elsewhere").resolve("db").toAbsolutePath();
        try (AuthBackbone server = AuthBackbone.start(Configuration.load(Map.of(
                "AUTH_DB_URL", url, "AUTH_DATA_DIR", workDir.resolve("data").toString(), "AUTH_HTTP_PORT", "0")))) {
            assertThat(server.port()).isPositive();
            assertThat(workDir.resolve("elsewhere").resolve("db.mv.db")).exists();
        }
    }

    /** What the review ran: read a file the server can read, then run its own Java inside the server. */
    private static void attack(String url, Path secret) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("CALL FILE_READ('" + secret + "', NULL)")) {
                rs.next();
                System.out.println("ATTACK: FILE_READ read " + rs.getString(1).length() + " characters of " + secret);
            }
            s.execute("CREATE ALIAS ATTACKER_USER AS 'String u() { return System.getProperty(\"user.name\"); }'");
            try (ResultSet rs = s.executeQuery("CALL ATTACKER_USER()")) {
                rs.next();
                System.out.println("ATTACK: CREATE ALIAS ran Java inside the server as " + rs.getString(1));
            }
        }
    }

    private static String posix(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
