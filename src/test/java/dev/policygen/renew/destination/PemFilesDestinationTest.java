package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.DeliveryFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
}
