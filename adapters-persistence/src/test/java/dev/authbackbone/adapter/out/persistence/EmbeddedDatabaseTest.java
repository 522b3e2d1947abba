package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default embedded database: an H2 file that survives restarts and that an operator can open meanwhile. */
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
            // V1 and V2, each once.
            assertThat(migrations).isEqualTo(3);
        }
    }

    @Test
    void autoServer_fileHeldByRunningServer_operatorShellReadsItOverLoopback() throws Exception {
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
            shell.runTool("-url", Database.embeddedUrl(directory), "-user", "sa", "-password", "",
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
}
