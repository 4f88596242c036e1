package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.DeliveryFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM files in a directory: read back what was written, with no AWS request and nothing to grant. */
class PemFilesDestinationTest {
    @TempDir
    Path state;

    private DeliveryBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new DeliveryBed(state);
    }

    @Test
    void filesAreWrittenAndReadBack() throws Exception {
        Path dir = state.resolve("www");
        Destination destination = new Destination.Files(dir);
        assertEquals(ServiceState.empty(DestinationKinds.of(destination)), bed.read(destination));
        assertEquals(dir.toString(), bed.deliver(false, destination));
        assertEquals(bed.issued.fullchainPem(), Files.readString(dir.resolve("fullchain.pem")));
        assertEquals(bed.issued.leaf(), bed.read(destination).certificate().orElseThrow());
        assertEquals(List.of(), bed.calls);
    }

    @Test
    void anInstalledCertificateThatIsNotTextIsNamedInOurWords() throws Exception {
        // issue 10 item 21: the JDK says only "Input length = 1"
        Path dir = Files.createDirectories(state.resolve("latin1"));
        Files.write(dir.resolve("cert.pem"), new byte[] {'-', '-', (byte) 0xe9});
        DeliveryFailure failure = assertThrows(DeliveryFailure.class, () -> bed.read(new Destination.Files(dir)));
        assertTrue(failure.getMessage().endsWith("cannot read the certificate in " + dir
                + ": cert.pem or chain.pem is not PEM text"), failure.getMessage());
    }

    @Test
    void isDescribedByItsDirectoryAndGrantsNothing() {
        Destination destination = new Destination.Files(Path.of("/etc/ssl/www"));
        assertEquals("/etc/ssl/www", DestinationKinds.of(destination).describe());
        assertEquals(Optional.empty(), DestinationKinds.of(destination).configuredArn());
        assertEquals("", DeliveryBed.grants(destination, true));
    }

    /**
     * Issue 10 item 13: a files destination that cannot take the files fails the preflight, which runs
     * before the order, so no issuance is wasted; a writable one passes and is left exactly as it was.
     */
    @Test
    void thePreflightRefusesADirectoryThatCannotTakeTheFilesAndLeavesNothingBehind() throws Exception {
        Path file = Files.writeString(state.resolve("plain-file"), "x");
        Path keyIsADirectory = Files.createDirectories(state.resolve("odd").resolve("privkey.pem")).getParent();
        for (Path dir : List.of(file, file.resolve("www"), keyIsADirectory)) {
            Destination destination = new Destination.Files(dir);
            DeliveryFailure e = assertThrows(DeliveryFailure.class,
                    () -> bed.delivery(false).preflight("www", List.of(bed.read(destination))));
            assertTrue(e.getMessage().startsWith("www: cannot write the certificate files in " + dir + ": "),
                    e.getMessage());
        }

        Path missing = state.resolve("new").resolve("www");
        Path existing = Files.createDirectories(state.resolve("live"));
        Files.writeString(existing.resolve("fullchain.pem"), "old");
        for (Path dir : List.of(missing, existing)) {
            Destination destination = new Destination.Files(dir);
            bed.delivery(false).preflight("www", List.of(bed.read(destination)));
        }
        assertTrue(Files.notExists(state.resolve("new")), "a missing directory is not created by the check");
        try (Stream<Path> left = Files.list(existing)) {
            assertEquals(List.of(existing.resolve("fullchain.pem")), left.toList(), "the probe file is removed");
        }
        try (Stream<Path> left = Files.list(state)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
