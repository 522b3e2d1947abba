package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.StorageUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    /** The page cache every completed H2 URL gets in this JVM. */
    private static final int CACHE_KIB = DatabaseUrl.cacheSizeKiB(Runtime.getRuntime().maxMemory());

    @Test
    void embeddedUrl_directory_namesAutoServerFileInPostgresMode() {
        String url = Database.embeddedUrl(Path.of("/srv/auth/data"));

        assertThat(url).isEqualTo("jdbc:h2:file:/srv/auth/data/auth-backbone;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;CACHE_SIZE=" + CACHE_KIB);
    }

    @Test
    void embeddedUrl_relativeDirectory_becomesAbsolute() {
        String url = Database.embeddedUrl(Path.of("data"));

        assertThat(url).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().toString().replace('\\', '/'));
    }

    @Test
    void embeddedUrl_directoryWithSemicolon_isRejected() {
        assertThatThrownBy(() -> Database.embeddedUrl(Path.of("/tmp/x;AUTO_SERVER=FALSE")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain ';'");
    }

    @Test
    void inMemoryUrl_nameWithSettings_isRejected() {
        assertThatThrownBy(() -> Database.inMemoryUrl("x;INIT=RUNSCRIPT"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void open_plainH2Url_getsTheSettingsTheSqlNeeds() {
        try (Database database = Database.open("jdbc:h2:mem:plain", "sa", "", 1)) {
            String mode = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT setting_value FROM information_schema.settings WHERE setting_name = 'MODE'").mapTo(String.class).one());
            assertThat(mode).isEqualTo("PostgreSQL");
        }
    }

    @Test
    void cacheSizeKiB_heap_isASixteenthOfItBetweenTwoAndSixteenMiB() {
        assertThat(DatabaseUrl.cacheSizeKiB(64L << 20)).isEqualTo(4096);
        assertThat(DatabaseUrl.cacheSizeKiB(128L << 20)).isEqualTo(8192);
        assertThat(DatabaseUrl.cacheSizeKiB(16L << 20)).isEqualTo(2048);
        assertThat(DatabaseUrl.cacheSizeKiB(6L << 30)).isEqualTo(16384);
        assertThat(DatabaseUrl.cacheSizeKiB(Long.MAX_VALUE)).isEqualTo(16384);
    }

    @Test
    void complete_h2UrlWithItsOwnCacheSize_keepsIt() {
        assertThat(DatabaseUrl.complete("jdbc:h2:mem:cached;CACHE_SIZE=65536")).contains(";CACHE_SIZE=65536")
                .containsOnlyOnce(";CACHE_SIZE=");
    }

    @Test
    void complete_plainH2FileUrl_addsSettingsAndAutoServer() {
        assertThat(DatabaseUrl.complete("jdbc:h2:file:/var/lib/auth/db")).isEqualTo("jdbc:h2:file:/var/lib/auth/db;"
                + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                + ";CACHE_SIZE=" + CACHE_KIB);
    }

    @Test
    void complete_h2UrlWithItsOwnSettings_keepsThem() {
        assertThat(DatabaseUrl.complete("jdbc:h2:file:/d/db;mode=postgresql;AUTO_SERVER=FALSE;LOCK_TIMEOUT=500"))
                .isEqualTo("jdbc:h2:file:/d/db;mode=postgresql;AUTO_SERVER=FALSE;LOCK_TIMEOUT=500"
                        + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;CACHE_SIZE=" + CACHE_KIB);
    }

    @Test
    void open_h2UrlWithAnotherMode_isRejectedNamingTheSettings() {
        assertThatThrownBy(() -> Database.open("jdbc:h2:mem:plain;MODE=MySQL", "sa", "", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE")
                .hasMessageContaining("sets MODE=MySQL");
    }

    @Test
    void open_otherDatabase_isRejected() {
        assertThatThrownBy(() -> Database.open("jdbc:mysql://127.0.0.1/x", "u", "p", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected jdbc:postgresql:... or jdbc:h2:...");
    }

    @Test
    void open_poolSizeZero_isRejected() {
        assertThatThrownBy(() -> Database.open(Database.inMemoryUrl("pool_zero"), "sa", "", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pool size");
    }

    @Test
    void open_unreachablePostgres_throwsDatabaseExceptionWithoutCredentials() {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        assertThatThrownBy(() -> Database.open("jdbc:postgresql://127.0.0.1:1/auth?password=hunter2", "auth",
                "hunter3", 1))
                .isInstanceOf(DatabaseException.class)
                .hasMessageStartingWith("cannot connect to the database jdbc:postgresql://127.0.0.1:1/auth:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter"));
    }

    @Test
    void ping_closedDatabase_isDown() {
        Database database = Database.open(Database.inMemoryUrl("ping_closed"), "sa", "", 1);
        Database.Health whileOpen = database.ping();

        database.close();

        assertThat(whileOpen.up()).isTrue();
        assertThat(database.ping()).isEqualTo(new Database.Health(false, "closed"));
    }

    @Test
    void anyCall_afterTheDatabaseIsClosed_failsAsStorageUnavailable() {
        Database closed = Database.open(Database.inMemoryUrl("closed_for_calls"), "sa", "", 1);
        closed.close();

        assertThatThrownBy(() -> new JdbiAccountRepository(closed).find(new AccountId(new UUID(0x4000L, 0x8000000000000001L))))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageStartingWith("database unavailable while calling the database");
        assertThatThrownBy(() -> new JdbiUnitOfWork(closed).inTransaction(() -> 1))
                .isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void open_connectionTimeout_boundsTheWaitForABusyPool() throws Exception {
        try (Database database = Database.open(Database.inMemoryUrl("busy_pool"), "sa", "", 1, Duration.ofMillis(300));
             Connection only = database.dataSource().getConnection()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> new JdbiUnitOfWork(database).inTransaction(() -> 1))
                    .isInstanceOf(StorageUnavailableException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            assertThat(only.isValid(1)).isTrue();
        }
    }

    @Test
    void describe_urlWithQueryOrSettings_keepsOnlyTheLocation() {
        assertThat(Database.describe("jdbc:postgresql://db:5432/auth?user=a&password=b"))
                .isEqualTo("jdbc:postgresql://db:5432/auth");
        assertThat(Database.describe("jdbc:h2:file:/d/auth-backbone;PASSWORD=x")).isEqualTo("jdbc:h2:file:/d/auth-backbone");
    }

    @Test
    void toString_database_namesLocationOnly() {
        try (Database database = Database.open(Database.inMemoryUrl("to_string"), "sa", "", 1)) {
            assertThat(database).hasToString("Database[jdbc:h2:mem:to_string]");
        }
    }
}
