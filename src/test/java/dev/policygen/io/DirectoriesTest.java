package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {
    @TempDir
    Path dir;

    @Test
    void deleteRecursivelyRemovesTheWholeTree() throws Exception {
        Path root = dir.resolve("sandbox");
        Files.createDirectories(root.resolve("a").resolve("b"));
        Files.writeString(root.resolve("state.json"), "{}");
        Files.writeString(root.resolve("a").resolve("b").resolve("deep"), "x");
        Files.createDirectories(root.resolve("empty"));
        Directories.deleteRecursively(root);
        assertFalse(Files.exists(root));
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void deleteRecursivelyRemovesLinksButNotWhatTheyPointAt() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("precious"), "keep");
        Path root = Files.createDirectory(dir.resolve("temporary"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        Directories.deleteRecursively(root);
        assertFalse(Files.exists(root));
        assertEquals("keep", Files.readString(outside.resolve("precious")));
    }

    @Test
    void deletingWhatIsNotThereIsNotAnError() throws Exception {
        Directories.deleteRecursively(dir.resolve("never-created"));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Directories.deleteRecursively(file);
        assertFalse(Files.exists(file));
    }

    @Test
    void createPrivateMakesMissingParentsAndMode0700() throws Exception {
        Path state = dir.resolve("var").resolve("state");
        Directories.createPrivate(state);
        assertTrue(Files.isDirectory(state));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        Directories.createPrivate(state);
        assertTrue(Files.isDirectory(state), "an existing directory is fine");
    }
}
