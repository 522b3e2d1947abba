package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** When an open skips Flyway: only on a schema whose history ends at the newest shipped migration, all successful. */
@OnEveryDatabase
class MigrationsTest {

    @Parameter
    TestDatabase kind;

    @Test
    void latestVersion_isTheNewestShippedScript() {
        assertThat(Migrations.LATEST_VERSION).isEqualTo(MigratedDatabase.newestMigration());
    }

    @Test
    void current_migratedDatabase_isCurrent() {
        try (MigratedDatabase database = MigratedDatabase.on(kind)) {
            assertThat(Migrations.current(database.database().dataSource())).isTrue();
        }
    }

    @Test
    void current_historyWithAFailureOrAnotherNewestVersion_isNotCurrent() {
        try (MigratedDatabase database = MigratedDatabase.on(kind)) {
            database.jdbi().useHandle(h -> h.execute(
                    "UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + Migrations.LATEST_VERSION + "'"));
            assertThat(Migrations.current(database.database().dataSource())).as("a failed migration").isFalse();

            database.jdbi().useHandle(h -> h.execute("DELETE FROM flyway_schema_history WHERE version = '"
                    + Migrations.LATEST_VERSION + "'"));
            assertThat(Migrations.current(database.database().dataSource())).as("an older schema").isFalse();
        }
    }

    @Test
    void current_noHistory_isNotCurrent() {
        try (MigratedDatabase database = MigratedDatabase.on(kind)) {
            database.jdbi().useHandle(h -> h.execute("DROP TABLE flyway_schema_history"));

            assertThat(Migrations.current(database.database().dataSource())).isFalse();
        }
    }

    @Test
    void open_schemaOneMigrationBehind_runsFlywayAgain() {
        try (MigratedDatabase database = MigratedDatabase.on(kind)) {
            // As if the newest migration had not been applied yet: its history row gone, its column too.
            database.jdbi().useHandle(h -> {
                h.execute("DELETE FROM flyway_schema_history WHERE version = '" + Migrations.LATEST_VERSION + "'");
                h.execute("ALTER TABLE primary_undo DROP COLUMN previous_verified_at");
            });

            try (Database reopened = database.reopen()) {
                assertThat(Migrations.current(reopened.dataSource())).isTrue();
                int rows = reopened.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM flyway_schema_history"
                                + " WHERE success AND version = '" + Migrations.LATEST_VERSION + "'")
                        .mapTo(Integer.class).one());
                assertThat(rows).as("the newest migration ran again (it would fail if the column were still there)").isEqualTo(1);
            }
        }
    }
}
