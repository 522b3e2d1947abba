package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
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

    /**
     * A cut connection that HikariCP has closed under a request answers every call with a
     * stateless "Connection is closed": read as a bug, it gave 500 (an outside probe); it is an outage.
     */
    @Test
    void isOutage_aCallOnAConnectionThePoolHasClosed_isTrue() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:failures-" + UUID.randomUUID());
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection held = pool.getConnection();
            held.close();
            SQLException closed = catchThrowableOfType(SQLException.class,
                    () -> held.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));

            assertThat((Throwable) closed).isNotNull();
            assertThat(Failures.isOutage(new IllegalStateException("Unable to set isolation level", closed))).isTrue();
        }
    }
}
