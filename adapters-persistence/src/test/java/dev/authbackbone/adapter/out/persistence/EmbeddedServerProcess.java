package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Holds the embedded database open in a process of its own, as the running server would, until
 * its standard input is closed. Started by {@link EmbeddedDatabaseTest}.
 */
public final class EmbeddedServerProcess {

    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        try (Database database = Database.open(Database.embeddedUrl(Path.of(args[0])), "sa", "", 2)) {
            new JdbiAccountRepository(database.jdbi()).open(
                    Account.open(new AccountId(new UUID(0x4000L, 0x8000000000000001L)), Instant.parse("2026-03-01T10:00:00Z")),
                    EmailAddress.parse("ada@example.com"), Instant.parse("2026-03-01T10:00:00Z"));
            System.out.println("READY bindAddress=" + org.h2.engine.SysProperties.BIND_ADDRESS);
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the test to close our input.
            }
        }
    }
}
