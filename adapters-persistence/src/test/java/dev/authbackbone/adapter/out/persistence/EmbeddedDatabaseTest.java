package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.tools.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default embedded database: an H2 file that survives restarts, that an operator holding its
 * password file can open meanwhile, and that nobody else can log in to.
 */
class EmbeddedDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));

    @TempDir
    Path directory;

    @Test
    void open_sameFileAgain_keepsDataAndMigratesOnce() {
        try (Database first = Database.open(Database.embeddedUrl(directory), "sa", "", 2)) {
            new JdbiAccountRepository(first.jdbi()).open(Account.open(ADA, NOW), EmailAddress.parse("ada@example.com"), NOW);
        }

        try (Database second = Database.open(Database.embeddedUrl(directory), "sa", "", 2)) {
            JdbiAccountRepository accounts = new JdbiAccountRepository(second.jdbi());
            assertThat(accounts.findByEmail(EmailAddress.parse("ada@example.com")).orElseThrow().id()).isEqualTo(ADA);
            int migrations = second.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL").mapTo(Integer.class).one());
            // Every migration, each once.
            assertThat(migrations).isEqualTo(MigratedDatabase.migrationFiles());
        }
    }

    @Test
    void autoServer_fileHeldByRunningServer_operatorShellWithThePasswordFileReadsItOverLoopback() throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerProcess.class.getName(), directory.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader serverOutput = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = serverOutput.readLine()) != null && !line.startsWith("READY")) {
                seen.add(line);
            }
            assertThat(line).as("server process output: %s", seen).isEqualTo("READY bindAddress=127.0.0.1");

            ByteArrayOutputStream shellOutput = new ByteArrayOutputStream();
            Shell shell = new Shell();
            shell.setOut(new PrintStream(shellOutput, true, StandardCharsets.UTF_8));
            String url = Database.embeddedUrl(directory);
            shell.runTool("-url", url, "-user", "sa", "-password", EmbeddedCredentials.password(url),
                    "-sql", "SELECT email FROM email_identity");

            assertThat(shellOutput.toString(StandardCharsets.UTF_8)).contains("ada@example.com");
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(server.exitValue()).isZero();
    }

    @Test
    void open_newFile_generatesPasswordOwnerOnlyAndRefusesTheEmptyOne() throws Exception {
        Path folder = directory.resolve("data");
        String url = Database.embeddedUrl(folder);
        try (Database database = Database.open(url, "sa", "", 2)) {
            assertThat(posix(folder)).isEqualTo("rwx------");
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.toList()).isNotEmpty().allSatisfy(f -> assertThat(posix(f)).as("%s", f).isEqualTo("rw-------"));
            }
            assertThat(EmbeddedCredentials.password(url)).hasSizeGreaterThanOrEqualTo(43);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
        }
    }

    @Test
    void open_existingFileWithEmptyPassword_setsTheGeneratedPassword() throws Exception {
        String url = Database.embeddedUrl(directory);
        // As every database created before passwords were generated: user sa, empty password.
        try (Connection legacy = DriverManager.getConnection(url, "sa", "")) {
            assertThat(legacy.isValid(1)).isTrue();
        }

        try (Database database = Database.open(url, "sa", "", 2)) {
            assertThat(database.ping().up()).isTrue();
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
                .hasMessageContaining("Wrong user name or password");
        try (Connection withPassword = DriverManager.getConnection(url, "sa", EmbeddedCredentials.password(url))) {
            assertThat(withPassword.isValid(1)).isTrue();
        }
    }

    @Test
    void open_plainFileUrlInExistingFolder_narrowsOnlyItsOwnFiles() throws Exception {
        Path shared = Files.createDirectories(directory.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path neighbour = Files.writeString(shared.resolve("auth-notes.txt"), "not ours, though its name starts alike");
        Files.setPosixFilePermissions(neighbour, PosixFilePermissions.fromString("rw-r--r--"));

        try (Database database = Database.open("jdbc:h2:file:" + shared.resolve("auth"), "sa", "", 1)) {
            assertThat(posix(shared.resolve("auth.mv.db"))).isEqualTo("rw-------");
            assertThat(posix(shared.resolve("auth.db-password"))).isEqualTo("rw-------");
            assertThat(posix(neighbour)).isEqualTo("rw-r--r--");
            assertThat(posix(shared)).isEqualTo("rwxr-xr-x");
        }
    }

    private static String posix(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
