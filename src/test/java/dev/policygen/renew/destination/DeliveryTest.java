package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.renew.EngineFakes;
import dev.policygen.renew.config.Destination;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What delivery does across the destinations of one certificate: --delete-old after all switched. */
class DeliveryTest {
    @TempDir
    Path state;

    private DeliveryBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new DeliveryBed(state);
    }

    @Test
    void anOldCertificateSharedByTwoListenersIsDeletedOnceAfterBothSwitched() throws Exception {
        bed.iam.put("www-20260821T000000Z", bed.oldPem);
        String old = EngineFakes.Iam.arn("www-20260821T000000Z");
        bed.elb.classic.put("web-lb:443", old);
        bed.elb.listeners.put(DeliveryBed.LISTENER, old);

        bed.deliver(true, new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443))), new Destination.Elbv2(DeliveryBed.LISTENER));

        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + EngineFakes.Iam.arn("www-20261121T123456Z"),
                "ImportCertificate (new) -> " + EngineFakes.Acm.arn("new-1"),
                "ModifyListener " + DeliveryBed.LISTENER + " " + EngineFakes.Acm.arn("new-1"),
                "DeleteServerCertificate www-20260821T000000Z"), bed.calls);
    }
}
