package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void replaceCreatesTheFileWithExactlyTheModeAskedFor() throws Exception {
        Path secret = dir.resolve("key.pem");
        Path open = dir.resolve("cert.pem");
        AtomicFile.replace(secret, bytes("secret"), FileMode.OWNER_ONLY);
        AtomicFile.replace(open, bytes("public"), FileMode.PUBLIC_READ);
        assertEquals("secret", Files.readString(secret));
        assertEquals("rw-------", mode(secret));
        assertEquals("public", Files.readString(open));
        assertEquals("rw-r--r--", mode(open));
        assertEquals(List.of("cert.pem", "key.pem"), names(dir));
    }

    @Test
    void replaceSetsTheModeOfAFileThatHadAnother() throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        AtomicFile.replace(file, bytes("new"), FileMode.OWNER_ONLY);
        assertEquals("new", Files.readString(file));
        assertEquals("rw-------", mode(file));
    }

    @Test
    void theUmaskDefaultIsWhatAPlainWriteCreates() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path replaced = dir.resolve("replaced");
        AtomicFile.replace(replaced, bytes("x"), FileMode.UMASK_DEFAULT);
        assertEquals(mode(plain), mode(replaced));
    }

    @Test
    void replaceRenamesANewFileOverTheOldOneSoAnOpenReaderKeepsTheOldContent() throws Exception {
        Path file = dir.resolve("journal.json");
        Files.writeString(file, "old content");
        Object oldInode = Files.readAttributes(file, "unix:ino").get("ino");
        try (InputStream reader = Files.newInputStream(file)) {
            AtomicFile.replace(file, bytes("new content"), FileMode.OWNER_ONLY);
            assertEquals("old content", new String(reader.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("new content", Files.readString(file));
        assertNotEquals(oldInode, Files.readAttributes(file, "unix:ino").get("ino"));
    }

    @Test
    void aFailedReplaceLeavesNoTemporaryFileAndTheTargetAsItWas() throws Exception {
        Path target = Files.createDirectory(dir.resolve("out.json"));
        Files.writeString(target.resolve("inside"), "kept");
        assertThrows(IOException.class, () -> AtomicFile.replace(target, bytes("x"), FileMode.OWNER_ONLY));
        assertEquals(List.of("out.json"), names(dir));
        assertEquals("kept", Files.readString(target.resolve("inside")));
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() {
        Path target = dir.resolve("missing-directory").resolve("out.json");
        assertThrows(IOException.class, () -> AtomicFile.replace(target, bytes("x"), FileMode.OWNER_ONLY));
        assertFalse(Files.exists(dir.resolve("missing-directory")));
    }

    @Test
    void aStagedFileChangesNothingUntilCommittedAndADiscardedOneLeavesNothing() throws Exception {
        Path file = dir.resolve("policy.json");
        Files.writeString(file, "old");
        StagedFile staged = AtomicFile.stage(file, bytes("new"), FileMode.PUBLIC_READ);
        assertEquals("old", Files.readString(file));
        assertEquals(2, names(dir).size(), "the staged content waits next to the target");
        staged.discard();
        assertEquals(List.of("policy.json"), names(dir));
        assertEquals("old", Files.readString(file));

        StagedFile committed = AtomicFile.stage(file, bytes("new"), FileMode.PUBLIC_READ);
        committed.commit();
        committed.discard();
        assertEquals("new", Files.readString(file));
        assertEquals(List.of("policy.json"), names(dir));
    }

    @Test
    void createNewWritesAnOwnerOnlyFile() throws Exception {
        Path key = dir.resolve("account.pem");
        AtomicFile.createNew(key, bytes("key"), FileMode.OWNER_ONLY);
        assertEquals("key", Files.readString(key));
        assertEquals("rw-------", mode(key));
    }

    @Test
    void createNewNeverReplacesAFileOrFollowsALink() throws Exception {
        Path existing = Files.writeString(dir.resolve("account.pem"), "the only proof of the account");
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFile.createNew(existing, bytes("other"), FileMode.OWNER_ONLY));
        assertEquals("the only proof of the account", Files.readString(existing));

        Path aimedAt = dir.resolve("elsewhere");
        Path link = Files.createSymbolicLink(dir.resolve("link.pem"), aimedAt);
        assertThrows(FileAlreadyExistsException.class,
                () -> AtomicFile.createNew(link, bytes("other"), FileMode.OWNER_ONLY));
        assertFalse(Files.exists(aimedAt, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void bytesAreWrittenAsGiven() throws Exception {
        byte[] data = new byte[70_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        Path file = dir.resolve("data");
        AtomicFile.replace(file, data, FileMode.UMASK_DEFAULT);
        assertArrayEquals(data, Files.readAllBytes(file));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<String> names(Path directory) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        names.sort(null);
        return names;
    }
}
