package dev.policygen.renew.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Crash-safe file writes for the renewer's state and certificate files: the bytes go to a new
 * temporary file in the target's directory, created with its final mode (so a key file is never
 * readable by others, not even empty), forced to disk, and then renamed over the target, so a
 * reader sees either the whole old file or the whole new one.
 */
public final class SafeFiles {
    /** First: the attribute arrays below depend on it. */
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> PUBLIC_READ = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> PRIVATE_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final FileAttribute<?>[] OWNER_ONLY_FILE = attributes(OWNER_ONLY);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SafeFiles() {
    }

    /** Creates {@code dir} and any missing parents; the last one gets mode 0700. */
    public static void createPrivateDirectory(Path dir) throws IOException {
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, attributes(PRIVATE_DIRECTORY));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return;
        }
        if (POSIX) {
            // the umask may have taken bits away; set exactly what we mean
            Files.setPosixFilePermissions(dir, PRIVATE_DIRECTORY);
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}, with mode {@code permissions}. */
    public static void replace(Path target, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        Path temporary = writeTemporary(target, bytes, permissions);
        try {
            moveInPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes {@code bytes} to a new file next to {@code target}, created with {@code permissions} before
     * any byte is written, and forces it to disk. The caller moves it with {@link #moveInPlace} or
     * deletes it.
     */
    public static Path writeTemporary(Path target, byte[] bytes, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(randomBytes())
                + ".tmp");
        // CREATE_NEW: a file or symlink planted under this name is an error, never followed
        try (FileChannel channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes(permissions))) {
            if (POSIX) {
                // exact mode whatever the umask; only ever narrows or widens to what the caller asked
                Files.setPosixFilePermissions(temporary, permissions);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /** Renames {@code temporary} over {@code target} atomically and forces the directory entry to disk. */
    public static void moveInPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so only exotic file systems get here; a plain replace is the best they offer
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a directory's entries to disk, so a rename survives a power cut; not every OS allows it. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some systems cannot open a directory for reading; the rename itself is still atomic
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
