package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.EngineFakes;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.deliver.ImportedArns;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ACM certificate: re-imported into the configured ARN, or imported as new and remembered. */
class AcmDestinationTest {
    @TempDir
    Path state;

    private DeliveryBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new DeliveryBed(state);
    }

    @Test
    void acmWithoutArnImportsNewRemembersItAndReimportsIntoItNextRun() throws Exception {
        Destination destination = new Destination.Acm(Optional.empty());
        String first = bed.deliver(false, destination);
        assertEquals(EngineFakes.Acm.arn("new-1"), first);
        assertEquals(Optional.of(first), ImportedArns.in(state).get("www"));

        bed.arns = ImportedArns.in(state);
        ServiceState next = bed.read(destination);
        assertEquals(Optional.of(first), next.location());
        assertTrue(next.certificate().isPresent());
        String second = bed.delivery(false).deliver("www", bed.issued, next);
        assertEquals(first, second);
        assertEquals(1, bed.acm.certificates.size());
    }

    @Test
    void acmWithAConfiguredArnReimportsIntoIt() throws Exception {
        String configured = EngineFakes.Acm.arn("configured");
        String arn = bed.deliver(false, new Destination.Acm(Optional.of(configured)));
        assertEquals(configured, arn);
        assertEquals(List.of("ImportCertificate " + configured + " -> " + configured), bed.calls);
        assertEquals(Optional.empty(), bed.arns.get("www"));
    }

    @Test
    void namesAndGrantsTheConfiguredArnElseImportsAsNew() {
        String configured = EngineFakes.Acm.arn("configured");
        Destination withArn = new Destination.Acm(Optional.of(configured));
        Destination asNew = new Destination.Acm(Optional.empty());
        assertEquals(Optional.of(configured), DestinationKinds.of(withArn).configuredArn());
        assertEquals(Optional.empty(), DestinationKinds.of(asNew).configuredArn());
        assertEquals("--acm-certificate-arn " + configured, DeliveryBed.grants(withArn, false));
        assertEquals("--acm-import-new", DeliveryBed.grants(asNew, true));
        assertEquals("a new ACM certificate", DestinationKinds.of(asNew).describe());
    }
}
