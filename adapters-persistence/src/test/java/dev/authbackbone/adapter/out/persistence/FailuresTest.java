package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "53300", "57P01", "57014", "55P03", "40001", "40P01", "HYT00", "90067", "90098"})
    void isOutage_transientSqlState_isTrueEvenWhenWrapped(String state) {
        Exception wrapped = new IllegalStateException("outer", new SQLException("inner", state));

        assertThat(Failures.isOutage(wrapped)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23503", "42P01", "42601", "22001"})
    void isOutage_programmingErrorOrBrokenConstraint_isFalse(String state) {
        assertThat(Failures.isOutage(new SQLException("inner", state))).isFalse();
    }

    @Test
    void isOutage_poolTimedOutWithoutSqlState_isTrue_butAStatelessSqlExceptionIsNot() {
        assertThat(Failures.isOutage(new SQLTransientConnectionException("Connection is not available"))).isTrue();
        assertThat(Failures.isOutage(new SQLException("no state"))).isFalse();
    }
}
