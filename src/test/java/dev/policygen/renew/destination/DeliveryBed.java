package dev.policygen.renew.destination;

import dev.policygen.UsageException;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.ZoneRef;
import dev.policygen.profile.Profiles;
import dev.policygen.renew.EngineFakes;
import dev.policygen.renew.TestCertificates;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.route53.CertificateName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * In-memory IAM, ELB and ACM behind an allow-all guard, with the reading and delivery of the
 * destination tests: certificate "www" for example.com, renewed at {@link #NOW}.
 */
final class DeliveryBed {
    static final Instant NOW = Instant.parse("2026-11-21T12:34:56Z");
    static final String LISTENER = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/web/1/2";

    /** Every request the fakes were sent, in order; cleared before delivery. */
    final List<String> calls = new ArrayList<>();
    final EngineFakes.Iam iam = new EngineFakes.Iam(calls);
    final EngineFakes.Elb elb = new EngineFakes.Elb(calls);
    final EngineFakes.Acm acm = new EngineFakes.Acm(calls);
    final GuardedAws aws;
    final Path state;
    ImportedArns arns;
    final IssuedCertificate issued;
    /** A certificate of example.com that expires in 10 days. */
    final String oldPem;

    DeliveryBed(Path state) throws Exception {
        // no Route 53: destinations never ask for it
        aws = EngineFakes.guarded(new EngineFakes.Services(null, iam, elb, acm));
        this.state = state;
        arns = ImportedArns.in(state);
        issued = TestCertificates.issued(NOW, NOW.plus(Duration.ofDays(90)), "example.com");
        oldPem = TestCertificates.pem(TestCertificates.certificate(NOW.minus(Duration.ofDays(80)),
                NOW.plus(Duration.ofDays(10)), "example.com"));
    }

    Delivery delivery(boolean deleteOld) {
        return new Delivery(aws, arns, Clock.fixed(NOW, ZoneOffset.UTC),
                new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT, Clock.systemUTC()), deleteOld);
    }

    ServiceState read(Destination destination) throws Exception {
        CertificateConfig config = new CertificateConfig("www",
                List.of(new ConfiguredDomain(CertificateName.parse("example.com"), Optional.empty())),
                KeyType.EC_P256, 30, List.of(destination));
        return new ServiceReader(aws, arns).read(config).get(0);
    }

    /** Delivers to every destination, then deletes what was replaced; returns the first destination's location. */
    String deliver(boolean deleteOld, Destination... destinations) throws Exception {
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

    /**
     * The generate options {@code destination} adds to the renew policy, as printed: the arguments of
     * a request with its grants, less those of the same request without them.
     */
    static String grants(Destination destination, boolean deleteOld) {
        List<String> with = arguments(Optional.of(PolicyGrants.of(List.of(DestinationKinds.of(destination)), deleteOld)));
        for (String argument : arguments(Optional.empty())) {
            with.remove(argument);
        }
        return String.join(" ", with);
    }

    /** The arguments of a policygen request for one name, with {@code grants} applied. */
    private static List<String> arguments(Optional<PolicyGrants> grants) {
        try {
            GenerateRequest.Builder builder = GenerateRequest.builder(Profiles.bundled().find("policygen"))
                    .zone(ZoneRef.parse("Z11111112222222333333"))
                    .domain(new DomainRequest(CertificateName.parse("www.example.com"), Optional.empty()));
            if (grants.isPresent()) {
                grants.get().apply(builder);
            }
            return new ArrayList<>(builder.build().toArguments());
        } catch (UsageException e) {
            throw new AssertionError(e);
        }
    }
}
