package dev.authbackbone.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of an embedded H2 file database left without one: generated at first start into
 * {@code <database>.db-password} (0600, beside the database file), read by the server and by the
 * operator commands, which run as the same operating-system user. AUTO_SERVER gives the file's
 * first opener a loopback TCP listener; this password is what keeps other local users from logging
 * in to it (H2 created databases with the user {@code sa} and an empty password before).
 */
public final class EmbeddedCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCredentials.class);
    static final String SUFFIX = ".db-password";
    private static final int PASSWORD_BYTES = 32;

    private EmbeddedCredentials() {
    }

    /** The file that holds the password of the H2 file database at {@code url}; empty when the URL is no local file. */
    public static Optional<Path> passwordFile(String url) {
        return DatabaseUrl.h2File(url).map(file -> file.resolveSibling(file.getFileName() + SUFFIX));
    }

    /**
     * The password to open the H2 file database at {@code url} with, created if missing: what an
     * operator's own tool (for example {@code org.h2.tools.Shell}) logs in with.
     */
    public static String password(String url) {
        Path file = passwordFile(url).orElseThrow(() -> new IllegalArgumentException(
                "database URL: not an H2 file database, was " + DatabaseUrl.describe(url)));
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[PASSWORD_BYTES];
                new SecureRandom().nextBytes(random);
                try {
                    OwnerOnlyFiles.createFile(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
                    LOG.info("Generated the password of the embedded database in {}", file);
                } catch (FileAlreadyExistsException raced) {
                    // Another process (the server or an operator command) created it first: use theirs.
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) {
                throw new DatabaseException(file + " is empty; delete it to generate a new database password only if the"
                        + " database has none yet, or write the database's password into it");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the database password in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes sure {@code user} can log in to the H2 file database at {@code url} with {@code password}:
     * a database created before passwords were generated (empty password) gets it now. Returns a
     * connection that keeps the database open until the pool holds its own.
     */
    static Connection unlock(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException wrongPassword) {
            if (wrongPassword.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new DatabaseException("cannot connect to the database " + DatabaseUrl.describe(url) + ": "
                        + wrongPassword.getMessage(), wrongPassword);
            }
            Connection legacy;
            try {
                legacy = DriverManager.getConnection(url, user, "");
            } catch (SQLException alsoWrong) {
                throw new DatabaseException("cannot connect to the database " + DatabaseUrl.describe(url)
                        + ": it refuses the password in " + passwordFile(url).orElseThrow()
                        + " (restore that file, or set AUTH_DB_PASSWORD to the database's password)", wrongPassword);
            }
            try (Statement statement = legacy.createStatement()) {
                // The password is base64url (letters, digits, '-' and '_'): nothing to escape in the literal.
                statement.execute("SET PASSWORD '" + password + "'");
                LOG.warn("The embedded database {} had an empty password, which let any local user log in to its"
                        + " AUTO_SERVER port; it now has the password kept in {}", DatabaseUrl.describe(url),
                        passwordFile(url).orElseThrow());
                return legacy;
            } catch (SQLException e) {
                closeQuietly(legacy);
                throw new DatabaseException("cannot set the password of the database " + DatabaseUrl.describe(url)
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
