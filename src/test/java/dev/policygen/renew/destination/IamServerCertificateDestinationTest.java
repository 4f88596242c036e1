package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.EngineFakes;
import dev.policygen.renew.config.Destination;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An IAM server certificate, on a classic ELB listener or alone: reading, upload, --delete-old, grants. */
class IamServerCertificateDestinationTest {
    private static final Destination ON_ELB = new Destination.IamServerCertificate("www",
            Optional.of(new Destination.ClassicElb("web-lb", 443)));

    @TempDir
    Path state;

    private DeliveryBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new DeliveryBed(state);
    }

    @Test
    void iamUploadIsNamedByPrefixAndUtcTimeAndGoesOnTheClassicListener() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        ServiceState current = bed.read(ON_ELB);
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), current.location());
        assertEquals(DeliveryBed.NOW.plus(Duration.ofDays(10)),
                current.certificate().orElseThrow().getNotAfter().toInstant());

        String arn = bed.deliver(false, ON_ELB);

        assertEquals(EngineFakes.Iam.arn("www-20261121T123456Z"), arn);
        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + arn), bed.calls);
        assertTrue(bed.iam.certificates.containsKey("www-20260821T000000Z"), "kept without --delete-old");
    }

    @Test
    void deleteOldDeletesTheReplacedCertificateOnlyAfterTheListenerSwitched() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        String arn = bed.deliver(true, ON_ELB);

        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + arn,
                "DeleteServerCertificate www-20260821T000000Z"), bed.calls);
        assertEquals(List.of("www-20261121T123456Z"), List.copyOf(bed.iam.certificates.keySet()));
    }

    @Test
    void deleteOldNeverDeletesWhenTheListenerCannotBeSwitched() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        bed.elb.refuseChanges = new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null);
        assertThrows(AwsFailure.class, () -> bed.deliver(true, ON_ELB));
        assertTrue(bed.iam.certificates.containsKey("www-20260821T000000Z"));
        assertFalse(bed.calls.stream().anyMatch(c -> c.startsWith("DeleteServerCertificate")), bed.calls.toString());
    }

    @Test
    void aClassicListenerWithAnAcmCertificateHasNoIamCertificateToDelete() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        String old = EngineFakes.Iam.arn("www-20260821T000000Z");
        bed.elb.listeners.put(DeliveryBed.LISTENER, old);
        String bound = EngineFakes.Acm.arn("bound");
        bed.acm.importCertificate(Optional.of(bound), bed.oldPem, "key", "");
        bed.elb.classic.put("web-lb:443", bound);
        // the classic listener holds an ACM certificate: nothing of IAM to replace there
        bed.deliver(true, ON_ELB);
        assertFalse(bed.calls.stream().anyMatch(c -> c.startsWith("DeleteServerCertificate")), bed.calls.toString());
    }

    @Test
    void iamWithoutElbReadsTheNewestOfItsPrefix() throws Exception {
        bed.iam.put("www-20260101T000000Z", bed.oldPem);
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.iam.put("mail-20261001T000000Z", bed.oldPem);
        ServiceState current = bed.read(new Destination.IamServerCertificate("www", Optional.empty()));
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), current.location());
        assertEquals(ServiceState.empty(DestinationKinds.of(
                new Destination.IamServerCertificate("web", Optional.empty()))),
                bed.read(new Destination.IamServerCertificate("web", Optional.empty())));
    }

    @Test
    void aPrefixNeverClaimsTheCertificatesOfALongerPrefix() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        bed.iam.put("www-api-20261001T000000Z", bed.oldPem);
        bed.iam.put("www-manual", bed.oldPem);
        Destination destination = new Destination.IamServerCertificate("www", Optional.empty());
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), bed.read(destination).location());

        bed.deliver(true, destination);

        assertTrue(bed.iam.certificates.containsKey("www-api-20261001T000000Z"),
                bed.iam.certificates.keySet().toString());
        assertTrue(bed.iam.certificates.containsKey("www-manual"));
        assertFalse(bed.iam.certificates.containsKey("www-20260821T000000Z"));
    }

    @Test
    void describesItsPrefixAndListenerAndNamesNoArn() {
        assertEquals("IAM server certificate www-* on ELB web-lb:443", DestinationKinds.of(ON_ELB).describe());
        assertEquals("IAM server certificate www-*",
                DestinationKinds.of(new Destination.IamServerCertificate("www", Optional.empty())).describe());
        assertEquals(Optional.empty(), DestinationKinds.of(ON_ELB).configuredArn());
    }

    @Test
    void grantsItsPrefixItsLoadBalancerAndWithDeleteOldTheDeletes() {
        assertEquals("--iam-certificate-prefix www --elb-name web-lb", DeliveryBed.grants(ON_ELB, false));
        assertEquals("--iam-certificate-prefix www --delete-old",
                DeliveryBed.grants(new Destination.IamServerCertificate("www", Optional.empty()), true));
    }
}
