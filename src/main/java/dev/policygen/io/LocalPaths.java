package dev.policygen.io;

import dev.policygen.OutputException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The one wording of a local path a user named (a state directory, a call log, a ports file) that
 * cannot be used: {@code cannot use WHAT PATH: REASON}, as an {@link OutputException} (exit 3), where
 * the reason says what is wrong with the path itself ("it is a directory", "it is not a directory",
 * "directory X does not exist") rather than the system call that noticed.
 */
public final class LocalPaths {
    private LocalPaths() {
    }

    /** The failure of using {@code path} as {@code what} ("the state directory"), in one line. */
    public static OutputException unusable(String what, Path path, IOException e) {
        return new OutputException("cannot use " + what + " " + path + ": " + reason(path, e), e);
    }

    /** Creates the directory {@code what} names and its parents, or fails with one line naming it. */
    public static void createDirectories(String what, Path dir) throws OutputException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw unusable(what, dir, e);
        }
    }

    /**
     * Fails unless {@code file} could be created or replaced as a regular file: it is not a
     * directory and its folder exists. For outputs written only at the end of a long run, checked at
     * its start so the run is not wasted.
     */
    public static void checkFileTarget(String what, Path file) throws OutputException {
        Path absolute = file.toAbsolutePath();
        Path parent = absolute.getParent();
        String reason = Files.isDirectory(absolute) ? "it is a directory"
                : parent != null && Files.exists(parent) && !Files.isDirectory(parent) ? parent + " is not a directory"
                : parent != null && !Files.exists(parent) ? "directory " + parent + " does not exist"
                : null;
        if (reason != null) {
            throw new OutputException("cannot use " + what + " " + file + ": " + reason, null);
        }
    }

    /** Why {@code path} could not be used, in a few words that do not repeat the path itself. */
    public static String reason(Path path, IOException e) {
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            String file = ((FileSystemException) e).getFile();
            return file == null || Path.of(file).equals(path) ? "it is not a directory" : file + " is not a directory";
        }
        Path parent = path.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException && parent != null && !Files.isDirectory(parent)) {
            return "directory " + parent + " does not exist";
        }
        if (Files.isDirectory(path)) {
            return "it is a directory";
        }
        if (e instanceof FileSystemException system && "Not a directory".equals(system.getReason())) {
            return "a parent of it is not a directory";
        }
        return InputFiles.reason(e);
    }
}
