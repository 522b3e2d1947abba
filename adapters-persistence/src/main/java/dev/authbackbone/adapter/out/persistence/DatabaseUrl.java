package dev.authbackbone.adapter.out.persistence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A JDBC URL and what it means to this adapter: PostgreSQL, or H2 completed with the settings the
 * migrations and queries are written for, so that an operator may give a plain
 * {@code jdbc:h2:file:/var/lib/auth/db} without knowing our SQL dialect.
 */
public final class DatabaseUrl {

    /**
     * What every H2 URL gets unless it says so itself. The first three make H2 speak the PostgreSQL
     * the SQL is written for, so they may not be set otherwise; the lock timeout matches PostgreSQL's.
     */
    private static final Map<String, String> H2_REQUIRED = orderedMap(
            "MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE", "DEFAULT_NULL_ORDERING", "HIGH");
    // H2 keeps 8 parsed statements per connection unless told otherwise, fewer than a request runs,
    // so each statement was parsed again on every request (11 % of the CPU in a profile): 64 holds
    // them all (a SELECT ... FOR UPDATE is never kept, whatever the size: RowLocking). The page
    // cache follows the heap (cacheSizeKiB).
    private static final Map<String, String> H2_DEFAULTS = orderedMap("LOCK_TIMEOUT", "10000", "QUERY_CACHE_SIZE", "64",
            "CACHE_SIZE", Integer.toString(cacheSizeKiB(Runtime.getRuntime().maxMemory())));
    /** A file database also gets AUTO_SERVER, so that the operator commands can open it while the server runs. */
    private static final Map<String, String> H2_FILE_DEFAULTS = orderedMap("AUTO_SERVER", "TRUE");
    private static final String H2_FILE_NAME = "auth-backbone";
    private static final List<String> H2_NOT_A_LOCAL_FILE = List.of("mem:", "tcp:", "ssl:", "zip:", "split:", "nio", "async:",
            "memfs:", "memlzf:", "rec:", "retry:");

    private DatabaseUrl() {
    }

    /**
     * H2's page cache for a JVM whose heap is at most {@code maxHeapBytes}, in KiB: a sixteenth of
     * the heap, at least 2 MiB and at most H2's own default of 16 MiB. That default is fixed, not
     * scaled to the heap: under the launcher's 64 MiB heap it was a quarter of it, and under a write
     * load its churning pages were promoted and reclaimed by full collections (76 full collections
     * of about 55 ms in a quick run at 16 MiB, 37 at 4 MiB) while H2 read pages back from its file
     * just as often at 32 MiB as at 16 (docs/performance.md, change 32).
     */
    static int cacheSizeKiB(long maxHeapBytes) {
        long sixteenth = maxHeapBytes / 16 / 1024;
        return (int) Math.max(2 * 1024, Math.min(16 * 1024, sixteenth));
    }

    /**
     * The default embedded database: an H2 file {@code auth-backbone} in {@code directory}, with the
     * settings {@link Database#open} would add anyway (so other tools can open it with the same URL).
     */
    public static String embedded(Path directory) {
        String dir = directory.toAbsolutePath().normalize().toString().replace('\\', '/');
        if (dir.contains(";")) {
            throw new IllegalArgumentException("database directory: must not contain ';', was " + dir);
        }
        return complete("jdbc:h2:file:" + dir + "/" + H2_FILE_NAME);
    }

    /** A private in-memory H2 database named {@code name}, alive while its pool is open; for tests. */
    public static String inMemory(String name) {
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("in-memory database name: letters, digits and '_' only, was " + name);
        }
        return complete("jdbc:h2:mem:" + name);
    }

    /**
     * The URL the pool opens: a PostgreSQL URL as given; an H2 URL with the settings it lacks added.
     *
     * @throws IllegalArgumentException for another database, or an H2 URL that sets one of the
     *                                  required settings to another value
     */
    public static String complete(String url) {
        if (isPostgres(url)) {
            return url;
        }
        if (!isH2(url)) {
            throw new IllegalArgumentException(
                    "database URL: expected jdbc:postgresql:... or jdbc:h2:..., was " + describe(url));
        }
        String[] parts = url.split(";", -1);
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                given.put(parts[i].substring(0, eq).strip().toUpperCase(Locale.ROOT), parts[i].substring(eq + 1).strip());
            }
        }
        StringBuilder completed = new StringBuilder(url.endsWith(";") ? url.substring(0, url.length() - 1) : url);
        H2_REQUIRED.forEach((key, value) -> {
            String set = given.get(key);
            if (set == null) {
                completed.append(';').append(key).append('=').append(value);
            } else if (!set.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("database URL: an H2 URL needs " + requiredSettings()
                        + " (the SQL is written for PostgreSQL; leave them out and they are added), but sets "
                        + key + "=" + set + ", was " + describe(url));
            }
        });
        Map<String, String> defaults = new LinkedHashMap<>();
        if (h2File(url).isPresent()) {
            defaults.putAll(H2_FILE_DEFAULTS);
        }
        defaults.putAll(H2_DEFAULTS);
        defaults.forEach((key, value) -> {
            if (!given.containsKey(key)) {
                completed.append(';').append(key).append('=').append(value);
            }
        });
        return completed.toString();
    }

    /** The file an H2 URL stores its database in (without H2's {@code .mv.db}), or empty when it is not a local file. */
    static Optional<Path> h2File(String url) {
        if (!isH2(url)) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int semicolon = name.indexOf(';');
        if (semicolon >= 0) {
            name = name.substring(0, semicolon);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (H2_NOT_A_LOCAL_FILE.stream().anyMatch(lower::startsWith)) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return name.isBlank() ? Optional.empty() : Optional.of(Path.of(name).toAbsolutePath().normalize());
    }

    static boolean isH2(String url) {
        return upper(url).startsWith("JDBC:H2:");
    }

    static boolean isPostgres(String url) {
        return upper(url).startsWith("JDBC:POSTGRESQL:");
    }

    /** The URL without anything that may hold a credential: no query string, no H2 settings. */
    static String describe(String url) {
        int end = url.length();
        for (char c : new char[] {'?', ';'}) {
            int i = url.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return url.substring(0, end);
    }

    private static String requiredSettings() {
        List<String> settings = new ArrayList<>();
        H2_REQUIRED.forEach((key, value) -> settings.add(key + "=" + value));
        return String.join(";", settings);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
