package dev.policygen.renew.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.AwsFailure;
import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.LoadBalancers;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.route53.Partition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The names of IAM uploads and which old ones --delete-old deletes, against in-memory IAM and ELB. */
class IamServerCertificateNamingTest {
    static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    static final String ARN = "arn:aws:iam::123456789012:server-certificate/";
    static final DestinationKind IAM = DestinationKinds.of(new Destination.IamServerCertificate("www",
            Optional.of(new Destination.ClassicElb("web-lb", 443))));

    @TempDir
    Path dir;

    /** What the fake services were asked to do, in order. */
    final List<String> events = new ArrayList<>();
    final Set<String> names = new TreeSet<>();

    @Test
    void aNameTakenInTheSameSecondGivesWayToTheNextSecondAndTheOldIsDeletedAfterTheSwitch() throws Exception {
        names.add("www-20260102T030405Z");
        ServiceState old = new ServiceState(IAM, Optional.empty(), Optional.of(ARN + "www-20260102T030405Z"));
        Delivery delivery = delivery(true);
        String arn = delivery.deliver("www", issued(), old);
        delivery.deleteReplaced("www", List.of(old), List.of(arn));
        assertEquals(ARN + "www-20260102T030406Z", arn);
        assertEquals(List.of("upload www-20260102T030405Z refused", "upload www-20260102T030406Z",
                "listener web-lb:443 " + ARN + "www-20260102T030406Z", "delete www-20260102T030405Z"), events);
    }

    @Test
    void deleteOldKeepsACertificateThisDestinationDidNotUpload() throws Exception {
        names.add("manual");
        delivery(true).deliver("www", issued(), new ServiceState(IAM, Optional.empty(), Optional.of(ARN + "manual")));
        assertEquals(List.of("upload www-20260102T030405Z", "listener web-lb:443 " + ARN + "www-20260102T030405Z"),
                events);
        assertEquals(Set.of("manual", "www-20260102T030405Z"), names);
    }

    private Delivery delivery(boolean deleteOld) throws Exception {
        PolicyDocument allowAll = PolicyDocument.of(List.of(Statement.builder(Effect.ALLOW)
                .actions(List.of("*")).resources(List.of("*")).build()));
        RenewPolicy policy = RenewPolicy.of(RenewConfigReader.read("""
                accountKey: file:///key.pem
                certificates:
                  www:
                    domains: [www.example.test]
                    zones: [Z1]
                    destinations: [{iam-server-certificate: {namePrefix: www, elb: {name: web-lb}}}]
                """, "test", true), List.of());
        CallGate gate = new CallGate(PolicyGuard.of(List.of(allowAll), policy), RateLimiter.unlimited(),
                Retry.standard(Sleeper.SYSTEM));
        GuardedAws aws = new GuardedAws(new Services(), gate, new AwsScope(Partition.AWS, "us-east-1",
                "123456789012"));
        return new Delivery(aws, ImportedArns.in(dir), Clock.fixed(NOW, ZoneOffset.UTC),
                new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT, Clock.systemUTC()), deleteOld);
    }

    private static IssuedCertificate issued() {
        return new IssuedCertificate(List.of(), "CERT", "CHAIN", "CERT CHAIN", "KEY", NOW, NOW.plusSeconds(86400));
    }

    /** IAM that refuses a name it has, as IAM does with EntityAlreadyExists, and an ELB that records its switch. */
    private final class Services implements AwsServices, ServerCertificates, LoadBalancers {
        @Override
        public Metadata upload(String name, String certificatePem, String privateKeyPem, String chainPem)
                throws AwsFailure {
            if (!names.add(name)) {
                events.add("upload " + name + " refused");
                throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "EntityAlreadyExists", 409, "taken", null);
            }
            events.add("upload " + name);
            return new Metadata(name, ARN + name, "/", NOW.plusSeconds(86400), NOW);
        }

        @Override
        public void delete(String name) {
            events.add("delete " + name);
            names.remove(name);
        }

        @Override
        public void setClassicListenerCertificate(String name, int port, String certificateArn) {
            events.add("listener " + name + ":" + port + " " + certificateArn);
        }

        @Override
        public Optional<InstalledCertificate> get(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Metadata> list() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> classicListenerCertificate(String name, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> listenerDefaultCertificate(String listenerArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setListenerDefaultCertificate(String listenerArn, String certificateArn) {
            throw new UnsupportedOperationException();
        }

        @Override
        public HostedZones hostedZones() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ServerCertificates serverCertificates() {
            return this;
        }

        @Override
        public LoadBalancers loadBalancers() {
            return this;
        }

        @Override
        public AcmCertificates acm() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectStore objects() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public void close() {
        }
    }
}
