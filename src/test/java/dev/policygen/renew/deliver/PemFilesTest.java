package dev.policygen.renew.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.cloud.InstalledCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    private static final String CERT = "-----BEGIN CERTIFICATE-----\nnew-leaf\n-----END CERTIFICATE-----\n";
    private static final String CHAIN = "-----BEGIN CERTIFICATE-----\nnew-issuer\n-----END CERTIFICATE-----\n";
    private static final String KEY = "-----BEGIN PRIVATE KEY-----\nnew-key\n-----END PRIVATE KEY-----\n";

    @TempDir
    Path tmp;

    @Test
    void writesTheFourFilesWithTheirModesAndReadsTheCertificateBack() throws Exception {
        Path dir = tmp.resolve("live").resolve("www");
        assertEquals(Optional.empty(), PemFiles.read(dir));
        PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY);

        assertEquals(CERT, Files.readString(dir.resolve("cert.pem")));
        assertEquals(CHAIN, Files.readString(dir.resolve("chain.pem")));
        assertEquals(CERT + CHAIN, Files.readString(dir.resolve("fullchain.pem")));
        assertEquals(KEY, Files.readString(dir.resolve("privkey.pem")));
        assertEquals("rw-------", mode(dir.resolve("privkey.pem")));
        for (String name : List.of("cert.pem", "chain.pem", "fullchain.pem")) {
            assertEquals("rw-r--r--", mode(dir.resolve(name)), name);
        }
        assertEquals(Optional.of(new InstalledCertificate(dir.resolve("cert.pem").toString(), CERT, CHAIN)),
                PemFiles.read(dir));
        assertOnly(dir, "cert.pem", "chain.pem", "fullchain.pem", "privkey.pem");
    }

    @Test
    void overwritesOldFilesAndFixesTheirModes() throws Exception {
        Path dir = tmp.resolve("www");
        PemFiles.write(dir, "old", "old", "old", "old");
        Files.setPosixFilePermissions(dir.resolve("privkey.pem"), PosixFilePermissions.fromString("rw-rw-rw-"));
        PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY);
        assertEquals(KEY, Files.readString(dir.resolve("privkey.pem")));
        assertEquals("rw-------", mode(dir.resolve("privkey.pem")));
        assertEquals(CERT, Files.readString(dir.resolve("cert.pem")));
        assertOnly(dir, "cert.pem", "chain.pem", "fullchain.pem", "privkey.pem");
    }

    @Test
    void theKeyIsNeverReadableByOthersNotEvenWhileBeingWritten() throws Exception {
        Path dir = tmp.resolve("www");
        List<String> modes = new CopyOnWriteArrayList<>();
        PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY, step -> {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    if (file.getFileName().toString().contains("privkey")) {
                        modes.add(mode(file));
                    }
                }
            }
        });
        assertFalse(modes.isEmpty());
        assertTrue(modes.stream().allMatch("rw-------"::equals), modes.toString());
    }

    @Test
    void aFailureWhileWritingLeavesTheOldFilesIntactAndNoTemporaryFiles() throws Exception {
        Path dir = tmp.resolve("www");
        for (String step : List.of("write privkey.pem", "write cert.pem", "write chain.pem", "write fullchain.pem",
                "mark", "rename privkey.pem")) {
            PemFiles.write(dir, "old-cert", "old-chain", "old-full", "old-key");
            IOException e = assertThrows(IOException.class, () -> PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY,
                    at -> {
                        if (at.equals(step)) {
                            throw new IOException("No space left on device");
                        }
                    }));
            assertEquals("No space left on device", e.getMessage());
            assertEquals("old-cert", Files.readString(dir.resolve("cert.pem")), step);
            assertEquals("old-chain", Files.readString(dir.resolve("chain.pem")), step);
            assertEquals("old-full", Files.readString(dir.resolve("fullchain.pem")), step);
            assertEquals("old-key", Files.readString(dir.resolve("privkey.pem")), step);
            // nothing was renamed, so no marker says otherwise: the old set stays in service
            assertOnly(dir, "cert.pem", "chain.pem", "fullchain.pem", "privkey.pem");
            assertEquals(Optional.empty(), PemFiles.unfinished(dir), step);
        }
    }

    @Test
    void aFailedRenameAfterTheKeySaysWhichFilesAreNew() throws Exception {
        Path dir = tmp.resolve("www");
        IOException e = assertThrows(IOException.class, () -> PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY,
                at -> {
                    if (at.equals("rename chain.pem")) {
                        throw new IOException("disk went away");
                    }
                }));
        assertEquals("disk went away (after replacing privkey.pem, cert.pem in " + dir
                + "; the other files are the old ones, and the next renew replaces them all)", e.getMessage());
        assertOnly(dir, ".policygen-replacing", "cert.pem", "privkey.pem");
    }

    @Test
    void aProcessStoppedBetweenRenamesLeavesAMarkerThatMakesTheSetUnfinished() throws Exception {
        // a SIGKILL stops the write at any step; a failing step with the marker's removal skipped is the same
        for (String step : List.of("rename cert.pem", "rename chain.pem", "rename fullchain.pem", "unmark")) {
            Path dir = tmp.resolve(step.replace(' ', '-'));
            PemFiles.write(dir, "old-cert", "old-chain", "old-full", "old-key");
            assertEquals(Optional.empty(), PemFiles.unfinished(dir));
            assertThrows(IOException.class, () -> PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY, at -> {
                if (at.equals(step)) {
                    throw new IOException("killed");
                }
            }));
            assertEquals(KEY, Files.readString(dir.resolve("privkey.pem")), step);
            assertEquals(Optional.of("an earlier replacement of the files in " + dir + " was interrupted "
                    + "(.policygen-replacing is still there), so they may not belong together"),
                    PemFiles.unfinished(dir), step);
            assertTrue(Files.readString(dir.resolve(PemFiles.REPLACING)).contains("the next policygen renew"));

            PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY);
            assertEquals(Optional.empty(), PemFiles.unfinished(dir), step);
            assertOnly(dir, "cert.pem", "chain.pem", "fullchain.pem", "privkey.pem");
        }
    }

    @Test
    void aCertificateWithoutItsCompanionsIsUnfinished() throws Exception {
        Path dir = tmp.resolve("www");
        assertEquals(Optional.empty(), PemFiles.unfinished(dir), "no directory: nothing in service, nothing unfinished");
        PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY);
        Files.delete(dir.resolve("fullchain.pem"));
        assertEquals(Optional.of(dir + " has cert.pem but no fullchain.pem"), PemFiles.unfinished(dir));
        Files.delete(dir.resolve("privkey.pem"));
        assertEquals(Optional.of(dir + " has cert.pem but no privkey.pem or fullchain.pem"), PemFiles.unfinished(dir));
        Files.delete(dir.resolve("cert.pem"));
        assertEquals(Optional.empty(), PemFiles.unfinished(dir), "no cert.pem: an empty destination");
    }

    @Test
    void aTargetThatIsADirectoryFailsBeforeAnythingIsWritten() throws Exception {
        Path dir = tmp.resolve("www");
        PemFiles.write(dir, "old-cert", "old-chain", "old-full", "old-key");
        Files.delete(dir.resolve("fullchain.pem"));
        Files.createDirectory(dir.resolve("fullchain.pem"));
        IOException e = assertThrows(IOException.class, () -> PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY));
        assertTrue(e.getMessage().endsWith("fullchain.pem: it is a directory"), e.getMessage());
        assertEquals("old-key", Files.readString(dir.resolve("privkey.pem")));
        assertEquals("old-cert", Files.readString(dir.resolve("cert.pem")));
    }

    @Test
    void anUnwritableDirectoryLeavesTheOldFilesIntact() throws Exception {
        // Root ignores directory modes, and CI runs as root; what refuses root too is a regular file where
        // the path needs a directory: nothing can be created below it.
        Path dir = tmp.resolve("www");
        PemFiles.write(dir, "old-cert", "old-chain", "old-full", "old-key");
        Path blocked = dir.resolve("cert.pem").resolve("renewed");
        assertThrows(IOException.class, () -> PemFiles.write(blocked, CERT, CHAIN, CERT + CHAIN, KEY));
        assertEquals("old-cert", Files.readString(dir.resolve("cert.pem")));
        assertEquals("old-key", Files.readString(dir.resolve("privkey.pem")));
        assertOnly(dir, "cert.pem", "chain.pem", "fullchain.pem", "privkey.pem");
    }

    @Test
    void aSymlinkedFileIsReplacedAndItsTargetLeftAlone() throws Exception {
        Path dir = tmp.resolve("live");
        Path archive = tmp.resolve("archive");
        Files.createDirectories(dir);
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("cert1.pem"), "archived");
        Files.createSymbolicLink(dir.resolve("cert.pem"), archive.resolve("cert1.pem"));
        assertEquals("archived", PemFiles.read(dir).orElseThrow().certificatePem());

        PemFiles.write(dir, CERT, CHAIN, CERT + CHAIN, KEY);
        assertFalse(Files.isSymbolicLink(dir.resolve("cert.pem")));
        assertTrue(Files.isRegularFile(dir.resolve("cert.pem"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(CERT, Files.readString(dir.resolve("cert.pem")));
        assertEquals("archived", Files.readString(archive.resolve("cert1.pem")));
    }

    @Test
    void aMissingChainReadsAsEmpty() throws Exception {
        Files.writeString(tmp.resolve("cert.pem"), CERT);
        assertEquals(new InstalledCertificate(tmp.resolve("cert.pem").toString(), CERT, ""),
                PemFiles.read(tmp).orElseThrow());
    }

    private static String mode(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
    }

    private static void assertOnly(Path dir, String... names) throws IOException {
        try (var files = Files.list(dir)) {
            assertEquals(List.of(names), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
