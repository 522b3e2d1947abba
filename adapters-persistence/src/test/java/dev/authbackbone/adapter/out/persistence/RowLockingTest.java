package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowLockingTest {

    @Test
    void of_embeddedDatabase_locksByUpdateInPlace() {
        assertThat(RowLocking.of(DatabaseUrl.inMemory("row_locking"))).isEqualTo(RowLocking.UPDATE_IN_PLACE);
        assertThat(RowLocking.of("jdbc:h2:file:/var/lib/auth/db")).isEqualTo(RowLocking.UPDATE_IN_PLACE);
    }

    @Test
    void of_postgresql_locksWithTheRead() {
        assertThat(RowLocking.of("jdbc:postgresql://127.0.0.1:5432/auth")).isEqualTo(RowLocking.SELECT_FOR_UPDATE);
    }
}
