package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.deliver.Delivery;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.deliver.ServiceReader;
import dev.policygen.renew.deliver.ServiceState;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.RenewLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what each destination has in service, and putting a new certificate into service there. */
class DeliveryTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    private static final String LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/1/2";

    @TempDir
    Path state;

    private final List<String> calls = new ArrayList<>();
    private final EngineFakes.Iam iam = new EngineFakes.Iam(calls);
    private final EngineFakes.Elb elb = new EngineFakes.Elb(calls);
    private final EngineFakes.Acm acm = new EngineFakes.Acm(calls);
    private GuardedAws aws;
    private ImportedArns arns;
    private IssuedCertificate issued;
    private String oldPem;

    @BeforeEach
    void setUp() throws Exception {
        aws = EngineFakes.guarded(new EngineFakes.Services(new FakeRoute53(), iam, elb, acm));
        arns = ImportedArns.in(state);
        issued = TestCertificates.issued(NOW, NOW.plus(Duration.ofDays(90)), "example.com");
        oldPem = TestCertificates.pem(TestCertificates.certificate(NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(10)), "example.com"));
    }

    private Delivery delivery(boolean deleteOld) {
        return new Delivery(aws, arns, Clock.fixed(NOW, ZoneOffset.UTC),
                new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT, Clock.systemUTC()), deleteOld);
    }

    private ServiceState read(Destination destination) throws Exception {
        CertificateConfig config = new CertificateConfig("www", RenewDecisionTest.config("example.com").domains(),
                KeyType.EC_P256, 30, List.of(destination));
        return new ServiceReader(aws, arns).read(config).get(0);
    }

    /** Delivers to every destination, then deletes what was replaced; returns the first destination's location. */
    private String deliver(boolean deleteOld, Destination... destinations) throws Exception {
        List<ServiceState> states = new ArrayList<>();
        for (Destination destination : destinations) {
            states.add(read(destination));
        }
        calls.clear();
        Delivery delivery = delivery(deleteOld);
        List<String> locations = new ArrayList<>();
        for (ServiceState current : states) {
            locations.add(delivery.deliver("www", issued, current));
        }
        delivery.deleteReplaced("www", states, locations);
        return locations.get(0);
    }

    @Test
    void iamUploadIsNamedByPrefixAndUtcTimeAndGoesOnTheClassicListener() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        Destination destination = new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443)));
        ServiceState current = read(destination);
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), current.location());
        assertEquals(NOW.plus(Duration.ofDays(10)), current.certificate().orElseThrow().getNotAfter().toInstant());

        String arn = deliver(false, destination);

        assertEquals(EngineFakes.Iam.arn("www-20261121T123456Z"), arn);
        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + arn), calls);
        assertTrue(iam.certificates.containsKey("www-20260821T000000Z"), "kept without --delete-old");
    }

    @Test
    void deleteOldDeletesTheReplacedCertificateOnlyAfterTheListenerSwitched() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        String arn = deliver(true, new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443))));

        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + arn,
                "DeleteServerCertificate www-20260821T000000Z"), calls);
        assertEquals(List.of("www-20261121T123456Z"), List.copyOf(iam.certificates.keySet()));
    }

    @Test
    void deleteOldNeverDeletesWhenTheListenerCannotBeSwitched() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        Destination destination = new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443)));
        elb.classic.put("web-lb:443", EngineFakes.Iam.arn("www-20260821T000000Z"));
        elb.refuseChanges = new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null);
        assertThrows(AwsFailure.class, () -> deliver(true, destination));
        assertTrue(iam.certificates.containsKey("www-20260821T000000Z"));
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("DeleteServerCertificate")), calls.toString());
    }

    @Test
    void anOldCertificateSharedByTwoListenersIsDeletedOnceAfterBothSwitched() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        String old = EngineFakes.Iam.arn("www-20260821T000000Z");
        elb.classic.put("web-lb:443", old);
        elb.listeners.put(LISTENER, old);

        deliver(true, new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443))), new Destination.Elbv2(LISTENER));

        assertEquals(List.of("UploadServerCertificate www-20261121T123456Z",
                "SetLoadBalancerListenerSSLCertificate web-lb:443 " + EngineFakes.Iam.arn("www-20261121T123456Z"),
                "ImportCertificate (new) -> " + EngineFakes.Acm.arn("new-1"),
                "ModifyListener " + LISTENER + " " + EngineFakes.Acm.arn("new-1"),
                "DeleteServerCertificate www-20260821T000000Z"), calls);
    }

    @Test
    void aClassicListenerWithAnAcmCertificateHasNoIamCertificateToDelete() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        String old = EngineFakes.Iam.arn("www-20260821T000000Z");
        elb.listeners.put(LISTENER, old);
        String bound = EngineFakes.Acm.arn("bound");
        acm.importCertificate(Optional.of(bound), oldPem, "key", "");
        elb.classic.put("web-lb:443", bound);
        // the classic listener holds an ACM certificate: nothing of IAM to replace there
        deliver(true, new Destination.IamServerCertificate("www",
                Optional.of(new Destination.ClassicElb("web-lb", 443))));
        assertFalse(calls.stream().anyMatch(c -> c.startsWith("DeleteServerCertificate")), calls.toString());
    }

    @Test
    void iamWithoutElbReadsTheNewestOfItsPrefix() throws Exception {
        iam.put("www-20260101T000000Z", oldPem);
        iam.put("www-20260821T000000Z", oldPem);
        iam.put("mail-20261001T000000Z", oldPem);
        ServiceState current = read(new Destination.IamServerCertificate("www", Optional.empty()));
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), current.location());
        assertEquals(ServiceState.empty(new Destination.IamServerCertificate("web", Optional.empty())),
                read(new Destination.IamServerCertificate("web", Optional.empty())));
    }

    @Test
    void aPrefixNeverClaimsTheCertificatesOfALongerPrefix() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        iam.put("www-api-20261001T000000Z", oldPem);
        iam.put("www-manual", oldPem);
        Destination destination = new Destination.IamServerCertificate("www", Optional.empty());
        assertEquals(Optional.of(EngineFakes.Iam.arn("www-20260821T000000Z")), read(destination).location());

        deliver(true, destination);

        assertTrue(iam.certificates.containsKey("www-api-20261001T000000Z"), iam.certificates.keySet().toString());
        assertTrue(iam.certificates.containsKey("www-manual"));
        assertFalse(iam.certificates.containsKey("www-20260821T000000Z"));
    }

    @Test
    void elbv2WithAnAcmCertificateReimportsInPlaceWithoutModifyListener() throws Exception {
        String current = EngineFakes.Acm.arn("bound");
        acm.importCertificate(Optional.of(current), oldPem, "key", "");
        elb.listeners.put(LISTENER, current);

        String arn = deliver(true, new Destination.Elbv2(LISTENER));

        assertEquals(current, arn);
        assertEquals(List.of("ImportCertificate " + current + " -> " + current), calls);
        assertEquals(issued.certificatePem(), acm.certificates.get(current).certificatePem());
    }

    @Test
    void elbv2WithAnIamCertificateImportsNewThenModifiesTheListenerAndKeepsTheOld() throws Exception {
        iam.put("www-20260821T000000Z", oldPem);
        elb.listeners.put(LISTENER, EngineFakes.Iam.arn("www-20260821T000000Z"));

        String arn = deliver(true, new Destination.Elbv2(LISTENER));

        assertEquals(EngineFakes.Acm.arn("new-1"), arn);
        // the old IAM certificate was not uploaded by an IAM destination of renew, so --delete-old keeps it:
        // the policy grants deletes under an IAM destination's prefix only
        assertEquals(List.of("ImportCertificate (new) -> " + arn, "ModifyListener " + LISTENER + " " + arn), calls);
        assertEquals(arn, elb.listeners.get(LISTENER));
    }

    @Test
    void acmWithoutArnImportsNewRemembersItAndReimportsIntoItNextRun() throws Exception {
        Destination destination = new Destination.Acm(Optional.empty());
        String first = deliver(false, destination);
        assertEquals(EngineFakes.Acm.arn("new-1"), first);
        assertEquals(Optional.of(first), ImportedArns.in(state).get("www"));

        arns = ImportedArns.in(state);
        ServiceState next = read(destination);
        assertEquals(Optional.of(first), next.location());
        assertTrue(next.certificate().isPresent());
        String second = delivery(false).deliver("www", issued, next);
        assertEquals(first, second);
        assertEquals(1, acm.certificates.size());
    }

    @Test
    void acmWithAConfiguredArnReimportsIntoIt() throws Exception {
        String configured = EngineFakes.Acm.arn("configured");
        String arn = deliver(false, new Destination.Acm(Optional.of(configured)));
        assertEquals(configured, arn);
        assertEquals(List.of("ImportCertificate " + configured + " -> " + configured), calls);
        assertEquals(Optional.empty(), arns.get("www"));
    }

    @Test
    void filesAreWrittenAndReadBack() throws Exception {
        Path dir = state.resolve("www");
        Destination destination = new Destination.Files(dir);
        assertEquals(ServiceState.empty(destination), read(destination));
        assertEquals(dir.toString(), deliver(false, destination));
        assertEquals(issued.fullchainPem(), Files.readString(dir.resolve("fullchain.pem")));
        assertEquals(issued.leaf(), read(destination).certificate().orElseThrow());
        assertEquals(List.of(), calls);
    }

    @Test
    void aListenerCertificateOfAnotherKindIsReported() throws Exception {
        elb.listeners.put(LISTENER, "arn:aws:something:eu-west-1:123456789012:thing/x");
        AwsFailure e = assertThrows(AwsFailure.class, () -> read(new Destination.Elbv2(LISTENER)));
        assertEquals("the certificate in service for www is neither an IAM server certificate nor an ACM"
                + " certificate: arn:aws:something:eu-west-1:123456789012:thing/x", e.getMessage());
    }
}
