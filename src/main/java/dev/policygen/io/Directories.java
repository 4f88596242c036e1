package dev.policygen.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Directories: private ones, forcing their entries to disk, and removing a whole tree. */
public final class Directories {
    private Directories() {
    }

    /** Creates {@code dir} and any missing parents; the last one gets mode 0700. */
    public static void createPrivate(Path dir) throws IOException {
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, FileMode.PRIVATE_DIRECTORY.attributes());
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return;
        }
        // the umask may have taken bits away; set exactly what we mean
        FileMode.PRIVATE_DIRECTORY.apply(dir);
    }

    /** Forces a directory's entries to disk, so a rename survives a power cut; not every OS allows it. */
    public static void sync(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // some systems cannot open a directory for reading; the rename itself is still atomic
        }
    }

    /**
     * Removes {@code root} and everything in it; a missing {@code root} is not an error. Symbolic
     * links are removed, never followed, so a link inside the tree cannot make this delete elsewhere.
     */
    public static void deleteRecursively(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    // already gone (or never there, for the root): that is what we want
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
