package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.qualifier.QualifiedType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedArgumentPreparationTest {

    private static Database database;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseUrl.inMemory("shared_arguments"), "sa", "", 2);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void prepare_oneTypeForTwoStatements_givesBothTheAnswerPreparedForTheFirst() {
        SharedArgumentPreparation shared = new SharedArgumentPreparation();

        Function<Object, Argument> first = shared.prepare(QualifiedType.of(String.class), database.jdbi().getConfig().createCopy())
                .orElseThrow();
        Function<Object, Argument> second = shared.prepare(QualifiedType.of(String.class), database.jdbi().getConfig().createCopy())
                .orElseThrow();

        assertThat(second).isSameAs(first);
    }

    @Test
    void prepare_typeOutsideTheSharedOnes_isLeftToJdbi() {
        SharedArgumentPreparation shared = new SharedArgumentPreparation();

        assertThat(shared.prepare(QualifiedType.of(BigDecimal.class), database.jdbi().getConfig())).isEmpty();
        assertThat(shared.build(QualifiedType.of(String.class), "x", database.jdbi().getConfig())).isEmpty();
    }

    @Test
    void bind_everySharedType_writesTheValueAndTypedNulls() {
        UUID id = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC);

        // Twice: the second statement takes the prepared answers from the shared factory.
        for (int round = 0; round < 2; round++) {
            String row = database.jdbi().withHandle(h -> h.createQuery("SELECT CAST(:s AS varchar) || '/' || CAST(:u AS uuid)"
                            + " || '/' || CAST(:t AS timestamp with time zone) || '/' || CAST(:i AS int) || '/' || CAST(:l AS bigint)"
                            + " || '/' || CAST(:b AS boolean) || '/' || CASE WHEN CAST(:nullUuid AS uuid) IS NULL AND CAST(:nullText AS varchar) IS NULL THEN 'nulls' END")
                    .bind("s", "ada").bind("u", id).bind("t", at).bind("i", 7).bind("l", 8L).bind("b", true)
                    .bindByType("nullUuid", null, UUID.class).bindByType("nullText", null, String.class)
                    .mapTo(String.class).one());

            assertThat(row).isEqualTo("ada/" + id + "/2026-03-01 10:00:00.123456+00/7/8/TRUE/nulls");
        }
    }
}
