package dev.authbackbone.bootstrap;

import dev.authbackbone.adapter.out.persistence.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The JWT signing secret of a development set-up: generated once into the data directory and reused,
 * so that access tokens survive a restart without anyone having to configure a secret.
 */
final class DevelopmentSecret {

    private static final String FILE_NAME = "jwt-secret";

    private DevelopmentSecret() {}

    /** The secret stored under {@code dataDir}, created (readable by the owner only) if missing. */
    static byte[] loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            OwnerOnlyFiles.secureFolder(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[48];
                new SecureRandom().nextBytes(random);
                String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException raced) {
                    return Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
                }
                Files.writeString(file, encoded, StandardCharsets.US_ASCII);
            }
            byte[] secret = Files.readString(file, StandardCharsets.US_ASCII).strip().getBytes(StandardCharsets.US_ASCII);
            if (secret.length < 32) {
                throw new ConfigurationException(file + ": the development JWT secret is shorter than 32 bytes; delete the file to regenerate it");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the development JWT secret in " + dataDir, e);
        }
    }
}
