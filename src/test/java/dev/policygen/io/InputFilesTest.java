package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
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

    @Test
    void anEndlessInputEndsAtTheLimitWithOneLineNamingFileAndLimit() {
        // issue 10 item 5: /dev/zero ran the JVM out of memory; now reading stops one byte past 16 MiB
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(Path.of("/dev/zero"), "policy"));
        assertEquals("/dev/zero: cannot read policy: larger than 16 MiB, the limit for an input", e.located());
        assertThrows(InputException.class, () -> InputFiles.readFrom(Path.of("/dev/zero"), 10, "the call log"));
    }

    @Test
    void aFileOneByteOverTheLimitIsRefusedAndOneAtTheLimitIsRead() throws Exception {
        // sparse files: they cost no disk
        Path atLimit = sparse("at-limit.json", InputFiles.MAX_BYTES);
        assertEquals(InputFiles.MAX_BYTES, InputFiles.readBytes(atLimit, "").length);
        Path over = sparse("over.json", InputFiles.MAX_BYTES + 1L);
        InputException e = assertThrows(InputException.class, () -> InputFiles.read(over.toString(), ""));
        assertEquals(over + ": cannot read: larger than 16 MiB, the limit for an input", e.located());
    }

    @Test
    void anEndlessStreamSuchAsStandardInputIsBoundedTheSameWay() throws Exception {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        InputException e = assertThrows(InputException.class,
                () -> InputFiles.read(endless, "standard input", ""));
        assertEquals("standard input: cannot read: larger than 16 MiB, the limit for an input", e.located());
        assertEquals("{}", InputFiles.read(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)),
                "standard input", ""));
    }

    private Path sparse(String name, long length) throws Exception {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
        return file;
    }
}
