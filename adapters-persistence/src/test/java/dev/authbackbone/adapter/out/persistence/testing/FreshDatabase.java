package dev.authbackbone.adapter.out.persistence.testing;

import dev.authbackbone.adapter.out.persistence.EmbeddedCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One test's database, by its JDBC URL: what the servers or pools under test are given (as
 * {@code AUTH_DB_URL}), and what the test reads directly to check what was stored. Closing it drops
 * it (the H2 in memory, or the PostgreSQL schema).
 */
public final class FreshDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String dropStatement;
    private final String adminUrl;

    private FreshDatabase(String url, String user, String dropStatement, String adminUrl) {
        this.url = url;
        this.user = user;
        this.dropStatement = dropStatement;
        this.adminUrl = adminUrl;
    }

    static FreshDatabase h2(String url, boolean inMemory) {
        return new FreshDatabase(url, "sa", inMemory ? "SHUTDOWN" : null, url);
    }

    static FreshDatabase postgres(String baseUrl, String schema) {
        FreshDatabase database = new FreshDatabase(
                baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema, null,
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE", baseUrl);
        database.executeAsAdmin("CREATE SCHEMA " + schema);
        return database;
    }

    /** The {@code AUTH_DB_URL} of this database. */
    public String url() {
        return url;
    }

    /** The one number a query like {@code select count(*) ...} answers. */
    public long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one text a query like {@code select kid from ...} answers (its first row). */
    public String text(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement, for tests that put the database in a state no request can reach (old rows). */
    public void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connect() throws SQLException {
        // A PostgreSQL URL carries its own user; H2's embedded user is sa, with the generated password on a file.
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, h2Password(url));
    }

    private static String h2Password(String url) {
        return EmbeddedCredentials.passwordFile(url).isPresent() ? EmbeddedCredentials.password(url) : "";
    }

    /** The user to log in with: sa on H2, none on PostgreSQL (the URL carries it). */
    public String user() {
        return user;
    }

    /** Whether this is a PostgreSQL schema. */
    public boolean isPostgres() {
        return user == null;
    }

    /** Runs a statement on the database server outside this schema (for example, to end a session). */
    public void executeAsAdmin(String sql) {
        try (Connection c = user == null ? DriverManager.getConnection(adminUrl)
                : DriverManager.getConnection(adminUrl, user, h2Password(adminUrl));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (dropStatement != null) {
            executeAsAdmin(dropStatement);
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
