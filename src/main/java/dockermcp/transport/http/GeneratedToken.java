package dockermcp.transport.http;

import dockermcp.config.ConfigError;
import dockermcp.config.HttpSettingsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The token used when the operator gave none: 256 random bits, written once to a file only its owner can read and
 * reused on later starts, so that clients keep working across restarts. Delete the file to get a new token.
 */
final class GeneratedToken {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** The token, and whether it was made just now. */
    record Loaded(String token, boolean created) {
        @Override
        public String toString() {
            return "Loaded[created=" + created + "]";
        }
    }

    private GeneratedToken() {
    }

    static Loaded loadOrCreate(Path file) {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return new Loaded(read(file), false);
            }
            return new Loaded(create(file), true);
        } catch (IOException | UnsupportedOperationException e) {
            throw new ConfigError("The token file " + file + " cannot be written: make its folder writable, or give a token with MCP_AUTH_TOKEN_FILE.");
        }
    }

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConfigError("The token file " + file + " is not a regular file: remove it so that a new token is generated.");
        }
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!OWNER_ONLY.containsAll(a.permissions())) {
            throw new ConfigError("The token file " + file + " can be read by other users (" + PosixFilePermissions.toString(a.permissions())
                    + "): delete it so that a new token is generated, or run chmod 600 on it if nobody else has seen it.");
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.length() < HttpSettingsLoader.MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new ConfigError("The token file " + file + " does not hold a usable token: delete it so that a new one is generated.");
        }
        return token;
    }

    private static String create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // created 0600 before a byte is written, then moved into place: no moment where the token is readable by others
        Path tmp = Files.createTempFile(dir, ".http-token", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return token;
    }
}
