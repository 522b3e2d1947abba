package dev.authbackbone.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Keeps a data folder to its owner: the folder 0700, every file in it 0600, so that no other local
 * user can read the database, its password or key material. On a file system without POSIX
 * permissions (Windows) these are no-ops: there the folder's ACL decides.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates {@code folder} (and missing parents) if needed, and makes it and every file in it owner-only. */
    public static void secureFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            restrict(folder, FOLDER);
            List<Path> entries;
            try (Stream<Path> list = Files.list(folder)) {
                entries = list.toList();
            }
            for (Path entry : entries) {
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    secureFolder(entry);
                } else if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + folder + " readable by its owner only: " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code content} to a new file readable by its owner only (0600 from the start, never
     * briefly wider); a missing folder is created owner-only.
     *
     * @throws FileAlreadyExistsException when another process created it first (read that one)
     */
    public static void createFile(Path file, String content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            secureFolder(folder);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    /**
     * Makes the files in {@code folder} whose names start with {@code prefix} owner-only, creating
     * the folder owner-only if it is missing; an existing folder keeps its mode (it may be shared,
     * such as {@code /tmp}), so only the named files are narrowed.
     */
    static void secureFiles(Path folder, String prefix) {
        try {
            if (!Files.isDirectory(folder)) {
                secureFolder(folder);
                return;
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(folder)) {
                entries = list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            }
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    restrict(entry, FILE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the files " + folder.resolve(prefix) + "* readable by their owner only: "
                    + e.getMessage(), e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null && !view.readAttributes().permissions().equals(permissions)) {
            view.setPermissions(permissions);
        }
    }
}
