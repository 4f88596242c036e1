package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policygen.io.FileKind;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 items 1 and 4 through the command line: {@code -o} writes through a device or a link to
 * one, never renames over it; several documents are refused for one; a replaced file keeps its mode.
 */
class OutputTargetsTest {
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    Path dir;

    @Test
    void outputToTheNullDeviceLeavesItADevice() throws Exception {
        CliRun run = generate("-o", "/dev/null");
        assertEquals(0, run.exit(), run.all());
        assertEquals(FileKind.CHARACTER_DEVICE, FileKind.of(Path.of("/dev/null"), false));
    }

    @Test
    void severalDocumentsForADeviceAreOneLineAndExit3() throws Exception {
        Path device = dir.resolve("null");
        new ProcessBuilder("mknod", device.toString(), "c", "1", "3").inheritIO().start().waitFor();
        assumeTrue(Files.exists(device), "mknod needs root");
        CliRun run = generate("--source-ip", "192.0.2.0/24", "--separate-deny", "-o", device.toString());
        assertEquals(3, run.exit(), run.all());
        assertEquals("policygen: error: cannot write 2 documents to " + device
                + ": it is a character device, which takes one; give a file name\n", run.err());
        try (var entries = Files.list(dir)) {
            assertEquals(1, entries.count(), "no " + device + "-network-deny beside it");
        }
    }

    @Test
    void aReplacedPolicyKeepsItsModeAndALinkStaysALink() throws Exception {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(dir.resolve("policy.json"), real);
        CliRun run = generate("-o", link.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).contains("\"Version\""));
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void aLinkToNothingIsRefusedInOneLine() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("policy.json"), dir.resolve("missing.json"));
        CliRun run = generate("-o", link.toString());
        assertEquals(3, run.exit(), run.all());
        assertEquals("policygen: error: cannot write " + link
                + ": it is a symbolic link to a missing file; not followed\n", run.err());
    }

    private static CliRun generate(String... output) {
        String[] args = new String[6 + output.length];
        String[] base = {"--client", "lego", "--zone", ZONE, "--domain", "example.com"};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(output, 0, args, base.length, output.length);
        return CliRun.of(args);
    }
}
