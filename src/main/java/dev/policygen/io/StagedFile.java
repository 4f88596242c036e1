package dev.policygen.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * The new content of a file, written and forced to disk under a temporary name next to it, not yet
 * in place. {@link #commit} renames it over its target; {@link #discard} removes it if it was not
 * committed and is safe to call in a {@code finally} after either. A FIFO or a device named for
 * output has no temporary file: its content waits in memory and {@link #commit} writes it through.
 */
public final class StagedFile {
    private final Path temporary;
    private final Path target;
    /** For a FIFO or device written in place; null for a staged regular file. */
    private final byte[] inPlace;
    private boolean committed;

    StagedFile(Path temporary, Path target) {
        this(temporary, target, null);
    }

    private StagedFile(Path temporary, Path target, byte[] inPlace) {
        this.temporary = temporary;
        this.target = target;
        this.inPlace = inPlace;
    }

    /** Content for a FIFO or character device, written through it when committed. */
    static StagedFile inPlace(Path target, byte[] bytes) {
        return new StagedFile(null, target, bytes);
    }

    public Path target() {
        return target;
    }

    /**
     * Gives the staged file the owner and group of {@code existing}, the file it will replace. Only
     * root may give a file away: for anyone else the new file stays theirs, as a file they created.
     */
    void takeOwnerOf(Path existing) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(existing, PosixFileAttributes.class);
        try {
            view.setOwner(old.owner());
        } catch (IOException notPermitted) {
            // not root: the file becomes the writer's, which is what writing it anew always meant
        }
        try {
            view.setGroup(old.group());
        } catch (IOException notPermitted) {
            // a group the writer is not in
        }
        // chown may clear bits; the mode was the old file's, so set it again
        Files.setPosixFilePermissions(temporary, old.permissions());
    }

    /** Atomically replaces the target with the staged content (or writes it through a FIFO or device). */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        if (inPlace != null) {
            writeThrough();
        } else {
            AtomicFile.moveInPlace(temporary, target);
        }
        committed = true;
    }

    private void writeThrough() throws IOException {
        FileKind kind = FileKind.of(target, true);
        if (kind != FileKind.FIFO && kind != FileKind.CHARACTER_DEVICE) {
            // replaced since staging: writing without truncating a regular file would corrupt it
            throw new IOException(target + " is now " + kind.description() + ", no longer a FIFO or device");
        }
        // no CREATE: the node exists; no TRUNCATE: a FIFO or device has nothing to truncate
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            out.write(inPlace);
        }
    }

    /** Removes the temporary file unless it was committed; best effort, it never throws. */
    public void discard() {
        if (committed || temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover has the target's mode and a name starting with a dot; nothing reads it
        }
    }
}
