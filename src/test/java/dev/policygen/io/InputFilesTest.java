package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policygen.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
    void anUnreadableFileIsPermissionDenied() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.pem"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "root reads every file");
        InputException e = assertThrows(InputException.class,
                () -> InputFiles.read(file, "the account key", StandardCharsets.US_ASCII));
        assertEquals("cannot read the account key: permission denied", e.getMessage());
    }

    @Test
    void aPathThatCannotBeAPathIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> InputFiles.read("bad\0name", ""));
        assertTrue(e.getMessage().startsWith("cannot read: "), e.getMessage());
    }
}
