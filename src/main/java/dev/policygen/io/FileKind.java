package dev.policygen.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a name in the file system is, as far as writing to it goes: a rename may replace only a
 * regular file (or the name of one), since renaming over a device, a FIFO or a socket would destroy
 * the node itself (as root, {@code /dev/null} for everyone).
 */
public enum FileKind {
    MISSING("nothing"),
    REGULAR_FILE("a regular file"),
    DIRECTORY("a directory"),
    SYMBOLIC_LINK("a symbolic link"),
    FIFO("a FIFO"),
    CHARACTER_DEVICE("a character device"),
    BLOCK_DEVICE("a block device"),
    SOCKET("a socket"),
    OTHER("a special file");

    /** The file type bits of {@code st_mode} and the values of the types BasicFileAttributes does not tell apart. */
    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_FIFO = 0010000;
    private static final int TYPE_CHARACTER_DEVICE = 0020000;
    private static final int TYPE_BLOCK_DEVICE = 0060000;
    private static final int TYPE_SOCKET = 0140000;

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** "a FIFO", "a character device": for messages. */
    public String description() {
        return description;
    }

    /** What {@code file} is; with {@code followLinks}, what a link leads to (MISSING when it leads nowhere). */
    public static FileKind of(Path file, boolean followLinks) throws IOException {
        LinkOption[] options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return MISSING;
        }
        if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        if (attributes.isDirectory()) {
            return DIRECTORY;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        return special(file, options);
    }

    private static FileKind special(Path file, LinkOption[] options) throws IOException {
        Object mode;
        try {
            mode = Files.getAttribute(file, "unix:mode", options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no "unix" view on this system: still not something a rename may replace
            return OTHER;
        }
        int type = ((Integer) mode).intValue() & TYPE_MASK;
        if (type == TYPE_FIFO) {
            return FIFO;
        }
        if (type == TYPE_CHARACTER_DEVICE) {
            return CHARACTER_DEVICE;
        }
        if (type == TYPE_BLOCK_DEVICE) {
            return BLOCK_DEVICE;
        }
        if (type == TYPE_SOCKET) {
            return SOCKET;
        }
        return OTHER;
    }
}
