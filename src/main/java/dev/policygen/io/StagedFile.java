package dev.policygen.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The new content of a file, written and forced to disk under a temporary name next to it, not yet
 * in place. {@link #commit} renames it over its target; {@link #discard} removes it if it was not
 * committed and is safe to call in a {@code finally} after either.
 */
public final class StagedFile {
    private final Path temporary;
    private final Path target;
    private boolean committed;

    StagedFile(Path temporary, Path target) {
        this.temporary = temporary;
        this.target = target;
    }

    public Path target() {
        return target;
    }

    /** Atomically replaces the target with the staged content. */
    public void commit() throws IOException {
        if (committed) {
            throw new IllegalStateException("already committed: " + target);
        }
        AtomicFile.moveInPlace(temporary, target);
        committed = true;
    }

    /** Removes the temporary file unless it was committed; best effort, it never throws. */
    public void discard() {
        if (committed) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover has the target's mode and a name starting with a dot; nothing reads it
        }
    }
}
