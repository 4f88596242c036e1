package dev.policygen.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 items 1, 3 and 4: a rename never replaces anything but a regular file (or a link to one),
 * a FIFO or a device named for output is written through, and an output file that is replaced keeps
 * its mode and owner. The device cases use a node made with mknod in the temporary directory, so a
 * regression destroys that copy, never the system's /dev/null.
 */
class SpecialTargetsTest {
    @TempDir
    Path dir;

    @Test
    void outputIsWrittenThroughAFifoWhichStaysAFifo() throws Exception {
        Path fifo = fifo("policy.json");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<byte[]> read = reader.submit(() -> Files.readAllBytes(fifo));
            StagedFile staged = AtomicFile.stageOutput(fifo, bytes("{}\n"), FileMode.UMASK_DEFAULT);
            staged.commit();
            staged.discard();
            // a guard against a hang, not a measurement
            assertArrayEquals(bytes("{}\n"), read.get(60, TimeUnit.SECONDS));
        } finally {
            reader.shutdownNow();
        }
        assertEquals(FileKind.FIFO, FileKind.of(fifo, false));
        assertEquals(1, entries(), "no temporary file is left beside it");
    }

    @Test
    void outputIsWrittenThroughACharacterDeviceWhichStaysOne() throws Exception {
        Path device = nullDevice("null");
        StagedFile staged = AtomicFile.stageOutput(device, bytes("{}"), FileMode.UMASK_DEFAULT);
        staged.commit();
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(device, false));
        assertEquals(1, entries());
    }

    @Test
    void outputThroughALinkToADeviceLeavesTheLinkAndTheDevice() throws Exception {
        Path device = nullDevice("null");
        // what /dev/stdout is: a link that leads to a device or a pipe
        Path link = Files.createSymbolicLink(dir.resolve("stdout"), device);
        AtomicFile.stageOutput(link, bytes("{}"), FileMode.UMASK_DEFAULT).commit();
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(device, false));
    }

    @Test
    void theSystemsNullDeviceIsWrittenNotReplaced() throws Exception {
        // only after the mknod copy above proves the path safe does this matter; as root a rename would replace it
        Path devNull = Path.of("/dev/null");
        assumeTrue(FileKind.of(devNull, false) == FileKind.CHARACTER_DEVICE);
        Object before = Files.getAttribute(devNull, "unix:rdev");
        AtomicFile.stageOutput(devNull, bytes("{}"), FileMode.UMASK_DEFAULT).commit();
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(devNull, false));
        assertEquals(before, Files.getAttribute(devNull, "unix:rdev"));
    }

    @Test
    void outputThroughALinkToAFileReplacesTheFileAndKeepsTheLink() throws Exception {
        Path file = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("policy.json"), file);
        AtomicFile.stageOutput(link, bytes("new"), FileMode.UMASK_DEFAULT).commit();
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(file));
    }

    @Test
    void outputRefusesALinkToNothingADirectoryAndASocketLikeNode() throws Exception {
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.json"), dir.resolve("nowhere"));
        IOException e = assertThrows(IOException.class,
                () -> AtomicFile.stageOutput(dangling, bytes("x"), FileMode.UMASK_DEFAULT));
        assertEquals("it is a symbolic link to a missing file; not followed", e.getMessage());
        Path directory = Files.createDirectory(dir.resolve("sub"));
        e = assertThrows(IOException.class,
                () -> AtomicFile.stageOutput(directory, bytes("x"), FileMode.UMASK_DEFAULT));
        assertEquals("it is a directory, not a file to write", e.getMessage());
        assertTrue(Files.notExists(dir.resolve("nowhere")));
    }

    @Test
    void anOutputFileThatIsReplacedKeepsItsModeAndOwner() throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        UserPrincipal owner = Files.getOwner(file);
        GroupPrincipal group = Files.readAttributes(file, PosixFileAttributes.class).group();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // CI runs as root, which may give the file away: the replacement must give it back the same way
            owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            group = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("nogroup");
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        }
        AtomicFile.stageOutput(file, bytes("new"), FileMode.UMASK_DEFAULT).commit();
        PosixFileAttributes after = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(after.permissions()));
        assertEquals(owner, after.owner());
        assertEquals(group, after.group());
    }

    @Test
    void aNewOutputFileGetsTheModeAShellRedirectionGives() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path output = dir.resolve("policy.json");
        AtomicFile.stageOutput(output, bytes("x"), FileMode.UMASK_DEFAULT).commit();
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(output));
    }

    @Test
    void policygensOwnFilesNeverRenameOverAFifoADeviceOrALinkToOne() throws Exception {
        Path fifo = fifo("ports.json");
        assertThrows(IOException.class, () -> AtomicFile.replace(fifo, bytes("x"), FileMode.UMASK_DEFAULT));
        assertEquals(FileKind.FIFO, FileKind.of(fifo, false));

        Path device = nullDevice("state.json");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFile.replace(device, bytes("x"), FileMode.UMASK_DEFAULT));
        assertEquals(device + " is a character device; only a regular file is replaced", e.getMessage());
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(device, false));

        Path link = Files.createSymbolicLink(dir.resolve("journal.json"), device);
        assertThrows(IOException.class, () -> AtomicFile.replace(link, bytes("x"), FileMode.UMASK_DEFAULT));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(3, entries(), "no temporary file is left");
    }

    @Test
    void policygensOwnFileReplacesALinkToAFileWithoutWritingItsTarget() throws Exception {
        // a --ports-file planted as a link to someone's file: the link goes, the file is untouched
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("ports.json"), victim);
        AtomicFile.replace(link, bytes("{\"api\": 1}"), FileMode.UMASK_DEFAULT);
        assertTrue(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals("{\"api\": 1}", Files.readString(link));
        assertEquals("precious", Files.readString(victim));
    }

    private Path fifo(String name) throws Exception {
        Path fifo = dir.resolve(name);
        run("mkfifo", fifo.toString());
        return fifo;
    }

    /** A node for the null device (major 1, minor 3) in the temporary directory; root only. */
    private Path nullDevice(String name) throws Exception {
        Path device = dir.resolve(name);
        assumeTrue(run("mknod", device.toString(), "c", "1", "3") == 0, "mknod needs root");
        return device;
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private long entries() throws IOException {
        try (var list = Files.list(dir)) {
            return list.count();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
