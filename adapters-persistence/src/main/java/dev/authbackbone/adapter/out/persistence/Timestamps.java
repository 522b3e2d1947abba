package dev.authbackbone.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Instants to and from {@code timestamp with time zone}. PostgreSQL keeps microseconds and H2
 * rounds the nanoseconds it cannot keep, so writes truncate to microseconds first: what is read
 * back is then exactly what was compared against. Binding an {@link OffsetDateTime} makes JDBI use
 * {@code setObject(.., TIMESTAMP_WITH_TIMEZONE)} rather than a zone-dependent {@code Timestamp}.
 */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime toColumn(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    static Instant fromColumn(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Reads a {@code timestamp with time zone} column as an {@link Instant}, for SQL objects. */
    public static final class InstantMapper implements ColumnMapper<Instant> {
        @Override
        public Instant map(ResultSet rs, int columnNumber, StatementContext ctx) throws SQLException {
            OffsetDateTime value = rs.getObject(columnNumber, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    }
}
