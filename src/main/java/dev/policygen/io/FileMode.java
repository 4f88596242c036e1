package dev.policygen.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The permissions a writer gives the file it creates. An exact mode is applied when the file is
 * created (so a secret is never readable by others, not even while empty) and set again after, since
 * the umask may have taken bits away; {@link #UMASK_DEFAULT} is what a plain {@code Files.write}
 * creates. On file systems without POSIX permissions every mode is the system's default.
 */
public final class FileMode {
    /** First: the constants below depend on it. */
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** 0600: private keys, state and anything else only the owner may read. */
    public static final FileMode OWNER_ONLY = new FileMode(PosixFilePermissions.fromString("rw-------"));
    /** 0644: certificates and other files servers running as other users read. */
    public static final FileMode PUBLIC_READ = new FileMode(PosixFilePermissions.fromString("rw-r--r--"));
    /** 0700: a directory only its owner may list or enter. */
    public static final FileMode PRIVATE_DIRECTORY = new FileMode(PosixFilePermissions.fromString("rwx------"));
    /** 0666 less the umask, as {@code Files.write} creates files; for files holding nothing secret. */
    public static final FileMode UMASK_DEFAULT = new FileMode(null);

    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private final Set<PosixFilePermission> permissions;

    private FileMode(Set<PosixFilePermission> permissions) {
        this.permissions = permissions;
    }

    /** Exactly the permission bits {@code file} has now, for the file replacing it; without POSIX the default. */
    static FileMode of(Path file) throws IOException {
        if (!POSIX) {
            return UMASK_DEFAULT;
        }
        return new FileMode(Files.getPosixFilePermissions(file));
    }

    /** The attributes to create a file or directory with; none for the umask default or without POSIX. */
    public FileAttribute<?>[] attributes() {
        if (permissions == null || !POSIX) {
            return NONE;
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }

    /** Sets exactly this mode on a file just created with {@link #attributes()}, whatever the umask took away. */
    void apply(Path file) throws IOException {
        if (permissions != null && POSIX) {
            Files.setPosixFilePermissions(file, permissions);
        }
    }

    @Override
    public String toString() {
        return permissions == null ? "umask default" : PosixFilePermissions.toString(permissions);
    }
}
