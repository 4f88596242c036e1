package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.AwsFailure;
import dev.policygen.renew.EngineFakes;
import dev.policygen.renew.config.Destination;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default certificate of an ELBv2 listener: re-imported in place when ACM's, else replaced. */
class Elbv2ListenerDestinationTest {
    private static final Destination LISTENER = new Destination.Elbv2(DeliveryBed.LISTENER);

    @TempDir
    Path state;

    private DeliveryBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new DeliveryBed(state);
    }

    @Test
    void elbv2WithAnAcmCertificateReimportsInPlaceWithoutModifyListener() throws Exception {
        String current = EngineFakes.Acm.arn("bound");
        bed.acm.importCertificate(Optional.of(current), bed.oldPem, "key", "");
        bed.elb.listeners.put(DeliveryBed.LISTENER, current);

        String arn = bed.deliver(true, LISTENER);

        assertEquals(current, arn);
        assertEquals(List.of("ImportCertificate " + current + " -> " + current), bed.calls);
        assertEquals(bed.issued.certificatePem(), bed.acm.certificates.get(current).certificatePem());
    }

    @Test
    void elbv2WithAnIamCertificateImportsNewThenModifiesTheListenerAndKeepsTheOld() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.elb.listeners.put(DeliveryBed.LISTENER, EngineFakes.Iam.arn("www-20260821T000000Z"));

        String arn = bed.deliver(true, LISTENER);

        assertEquals(EngineFakes.Acm.arn("new-1"), arn);
        // the old IAM certificate was not uploaded by an IAM destination of renew, so --delete-old keeps it:
        // the policy grants deletes under an IAM destination's prefix only
        assertEquals(List.of("ImportCertificate (new) -> " + arn,
                "ModifyListener " + DeliveryBed.LISTENER + " " + arn), bed.calls);
        assertEquals(arn, bed.elb.listeners.get(DeliveryBed.LISTENER));
    }

    @Test
    void aListenerCertificateOfAnotherKindIsReported() throws Exception {
        bed.elb.listeners.put(DeliveryBed.LISTENER, "arn:aws:something:eu-west-1:123456789012:thing/x");
        AwsFailure e = assertThrows(AwsFailure.class, () -> bed.read(LISTENER));
        assertEquals("the certificate in service for www is neither an IAM server certificate nor an ACM"
                + " certificate: arn:aws:something:eu-west-1:123456789012:thing/x", e.getMessage());
    }

    @Test
    void isDescribedByAndNamesItsListenerArnAndGrantsIt() {
        assertEquals(DeliveryBed.LISTENER, DestinationKinds.of(LISTENER).describe());
        assertEquals(Optional.of(DeliveryBed.LISTENER), DestinationKinds.of(LISTENER).configuredArn());
        assertEquals("--listener-arn " + DeliveryBed.LISTENER, DeliveryBed.grants(LISTENER, true));
    }
}
