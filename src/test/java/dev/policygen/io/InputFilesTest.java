package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheTextOfAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), "{\"Version\": \"2012-10-17\"} é");
        assertEquals("{\"Version\": \"2012-10-17\"} é", InputFiles.read(file, "policy"));
        assertEquals("{\"Version\": \"2012-10-17\"} é", InputFiles.read(file.toString(), ""));
        assertArrayEquals(Files.readAllBytes(file), InputFiles.readBytes(file, "policy"));
    }

    @Test
    void readsFromAnOffset() throws Exception {
        Path log = Files.writeString(dir.resolve("calls.jsonl"), "earlier\nthis run\n");
        assertEquals("this run\n", InputFiles.readFrom(log, 8, "the call log"));
    }

    @Test
    void aMissingFileSaysSoInOneWording() {
        Path missing = dir.resolve("nope.json");
        InputException named = assertThrows(InputException.class, () -> InputFiles.read(missing, "policy"));
        assertEquals(missing + ": cannot read policy: no such file", named.located());
        InputException unnamed = assertThrows(InputException.class, () -> InputFiles.read(missing.toString(), ""));
        assertEquals(missing + ": cannot read: no such file", unnamed.located());
    }

    @Test
    void aDirectoryIsNamedAsTheReasonWithoutRepeatingThePath() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(dir, "the renew config"));
        assertEquals(dir.toString(), e.source());
        assertTrue(e.getMessage().startsWith("cannot read the renew config: "), e.getMessage());
        assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void anUnreadableFileIsPermissionDenied() {
        // root reads a file of mode 000, and CI runs as root: the refusal the kernel gives others is
        // the exception the JDK throws for it, so the wording is checked on that exception
        assertEquals("permission denied", InputFiles.reason(new AccessDeniedException("/etc/secret.pem")));
        assertEquals("no such file", InputFiles.reason(new NoSuchFileException("/etc/missing.pem")));
    }

    @Test
    void aPathThatCannotBeAPathIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.read("bad\0name", ""));
        assertTrue(e.getMessage().startsWith("cannot read: "), e.getMessage());
    }
}
