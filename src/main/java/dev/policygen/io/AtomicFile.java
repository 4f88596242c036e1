package dev.policygen.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The crash-safe ways to put bytes in a file. {@link #replace} (and {@link #stage} for several files
 * that are to change together) writes a new temporary file with a random name in the target's
 * directory, created with its final mode, forces it to disk and renames it over the target, then
 * forces the directory: a reader, or the file after a power cut, is either the whole old file or the
 * whole new one, and a failure leaves no temporary file behind. {@link #createNew} writes a file
 * that must not exist yet, for the one file policygen never replaces (an ACME account key).
 * {@link #stageOutput} is the write of a file the user named for output ({@code -o}).
 *
 * <p>A rename never replaces anything but a regular file or a symbolic link to one: renaming over a
 * device, a FIFO or a socket destroys the node (as root, {@code /dev/null} for every process), so
 * such a target is refused with an {@link IOException} that names what it is.
 */
public final class AtomicFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Atomically replaces (or creates) {@code target} with {@code bytes}, with mode {@code mode}. */
    public static void replace(Path target, byte[] bytes, FileMode mode) throws IOException {
        StagedFile staged = stage(target, bytes, mode);
        try {
            staged.commit();
        } finally {
            staged.discard();
        }
    }

    /**
     * Writes {@code bytes} to a new temporary file next to {@code target}, created with {@code mode}
     * before any byte is written, and forces it to disk; the caller then commits or discards it.
     * Staging every file first and committing them only when all are written is what lets a group
     * of files (the PEM files of a certificate, generate's outputs) keep the old ones on a failure.
     */
    public static StagedFile stage(Path target, byte[] bytes, FileMode mode) throws IOException {
        checkReplaceable(target);
        return stageNextTo(target, bytes, mode);
    }

    /**
     * Stages {@code bytes} for {@code output}, a path the user named (generate's and observe's
     * {@code -o}), treated as the shell treats {@code > output}: a symbolic link is followed, and
     * <ul>
     * <li>a regular file is replaced atomically (the file the link leads to, which keeps the link), and
     *     the new file keeps the old one's permission bits and, where the system lets us (root), its
     *     owner and group;</li>
     * <li>a missing file is created with {@code modeForNew};</li>
     * <li>a FIFO or a character device ({@code /dev/stdout}, {@code /dev/null}, a terminal) is written
     *     in place when committed, never renamed over;</li>
     * <li>anything else (a directory, a block device, a socket, a link to nothing) is refused.</li>
     * </ul>
     * The messages of its failures do not repeat the path, which the caller names.
     */
    public static StagedFile stageOutput(Path output, byte[] bytes, FileMode modeForNew) throws IOException {
        FileKind kind = FileKind.of(output, true);
        if (kind == FileKind.MISSING) {
            if (Files.isSymbolicLink(output)) {
                throw new IOException("it is a symbolic link to a missing file; not followed");
            }
            return stageNextTo(output, bytes, modeForNew);
        }
        if (kind == FileKind.REGULAR_FILE) {
            Path existing = output.toRealPath();
            StagedFile staged = stageNextTo(existing, bytes, FileMode.of(existing));
            try {
                staged.takeOwnerOf(existing);
            } catch (IOException e) {
                staged.discard();
                throw e;
            }
            return staged;
        }
        if (kind == FileKind.FIFO || kind == FileKind.CHARACTER_DEVICE) {
            return StagedFile.inPlace(output, bytes);
        }
        throw new IOException("it is " + kind.description() + ", not a file to write");
    }

    /** Fails unless a rename over {@code target} replaces a regular file, a link to one, or nothing. */
    private static void checkReplaceable(Path target) throws IOException {
        FileKind kind = FileKind.of(target, false);
        if (kind == FileKind.MISSING || kind == FileKind.REGULAR_FILE) {
            return;
        }
        if (kind == FileKind.SYMBOLIC_LINK) {
            // the link is replaced and what it leads to is never written (certbot's live/ layout links
            // to regular files); a link to a device, such as /dev/stdout, is kept
            FileKind leadsTo = FileKind.of(target, true);
            if (leadsTo == FileKind.MISSING || leadsTo == FileKind.REGULAR_FILE) {
                return;
            }
            throw new IOException(target + " is a symbolic link to " + leadsTo.description()
                    + "; only a regular file is replaced");
        }
        throw new IOException(target + " is " + kind.description() + "; only a regular file is replaced");
    }

    private static StagedFile stageNextTo(Path target, byte[] bytes, FileMode mode) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        write(temporary, bytes, mode);
        return new StagedFile(temporary, target);
    }

    /**
     * Writes {@code bytes} to {@code target}, which must not exist: fails with
     * {@link java.nio.file.FileAlreadyExistsException} when the name is taken, even by a dangling
     * symbolic link, so there is no race between a check and the write. The file is created with
     * {@code mode} and forced to disk; a failure after it was created removes it.
     */
    public static void createNew(Path target, byte[] bytes, FileMode mode) throws IOException {
        write(target, bytes, mode);
        Directories.sync(target.toAbsolutePath().getParent());
    }

    /** Creates {@code file} (never following or reusing what is there), writes and forces it; removes it on failure. */
    private static void write(Path file, byte[] bytes, FileMode mode) throws IOException {
        // CREATE_NEW: a file or symlink planted under this name is an error, never followed
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                mode.attributes());
        boolean written = false;
        try {
            mode.apply(file);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
            written = true;
        } finally {
            try {
                channel.close();
            } finally {
                if (!written) {
                    // ours: created above, so nothing of anyone else's is removed
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Renames {@code temporary} over {@code target} atomically and forces the directory entry to disk. */
    static void moveInPlace(Path temporary, Path target) throws IOException {
        // again at the last moment: a FIFO or device put there since staging is not destroyed either
        checkReplaceable(target);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same directory, so only exotic file systems get here; a plain replace is the best they offer
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Directories.sync(target.toAbsolutePath().getParent());
    }
}
