package dev.policygen.deliver;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.UsageException;
import dev.policygen.io.Directories;
import dev.policygen.renew.AwsConnector;
import dev.policygen.renew.PolicyFiles;
import dev.policygen.renew.RenewRequest;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.DestinationText;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.deliver.PemFiles;
import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.DestinationKind;
import dev.policygen.renew.destination.DestinationKinds;
import dev.policygen.renew.destination.PemFilesDestination;
import dev.policygen.renew.destination.PolicyGrants;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.destination.ServiceState;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.DeliverPolicy;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.route53.Partition;
import dev.policygen.route53.Arn;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * One {@code policygen deliver}: the destinations and the certificate checked before any request,
 * the policy the run is held to (given, or the one {@code generate --client deliver} makes for these
 * destinations), then, as renew delivers a certificate it ordered: what each destination has in
 * service read, every delivery request checked with the guard up front ({@link Delivery#preflight}),
 * each destination given the complete new certificate, and only then, with --delete-old, the IAM
 * server certificates it replaced deleted. A failure at one destination stops before the next; the
 * old certificate keeps serving wherever the new one has not arrived, and nothing is deleted.
 */
public final class Deliverer {
    /** The CallGate limits Route 53 requests only, which deliver never makes; AWS's per-account rate, as renew's default. */
    private static final int ROUTE53_RATE = 5;

    private final AwsConnector connector;
    private final PrintWriter out;
    private final Clock clock;

    public Deliverer(AwsConnector connector, PrintWriter out, Clock clock) {
        this.connector = connector;
        this.out = out;
        this.clock = clock;
    }

    /** Delivers, or with --dry-run prints what it would send; returns where the certificate now is, per destination. */
    public List<String> run(DeliverRequest request) throws PolicygenException, InterruptedException {
        List<DestinationKind> destinations = destinations(request.destinations());
        IssuedCertificate certificate = CertificateFiles.read(request.cert(), request.key(), request.chain(),
                clock.instant());
        String name = request.name().orElseGet(() -> firstName(certificate.leaf()));
        RenewLog log = new RenewLog(out, RenewLog.Format.TEXT, clock);

        String region = request.awsRegion().orElseGet(connector::defaultRegion);
        String account = request.awsAccount().orElseGet(() -> account(destinations));
        Optional<String> knownAccount = account.equals(AwsScope.ANY_ACCOUNT) ? Optional.empty()
                : Optional.of(account);
        PolicyGrants grants = PolicyGrants.of(destinations, request.deleteOld());
        // files alone send no AWS request: no policy to make or read, no AWS connection to open
        boolean local = grants.none();
        Optional<DeliverPolicy> policy = local ? Optional.empty()
                : Optional.of(DeliverPolicy.of(grants, Optional.of(region), knownAccount));
        PolicyGuard guard = local ? PolicyGuard.allowingNothing()
                : !request.policyFiles().isEmpty()
                ? PolicyGuard.of(PolicyFiles.read(request.policyFiles()), policy.get())
                : PolicyGuard.generated(policy.get());
        AwsScope scope = new AwsScope(policy.map(p -> p.request().partition()).orElse(Partition.AWS), region,
                account);
        Path stateDir = request.stateDir().orElseGet(RenewRequest::defaultStateDir);
        ImportedArns importedArns = importedArns(stateDir, request.dryRun(), destinations);
        log.info("deliver", "cert", name, "not-after", certificate.notAfter(), "destinations", destinations.size(),
                "policy", local ? PolicyGuard.NO_POLICY
                        : !request.policyFiles().isEmpty() ? PolicyFiles.describe(request.policyFiles())
                        : policy.get().commandLine(),
                "dry-run", request.dryRun());

        DryRunServices dryRun = request.dryRun() || local ? new DryRunServices(region, scope.partition().id(),
                account, certificate.certificatePem()) : null;
        try (AwsServices services = dryRun != null ? dryRun
                : connector.open(region, request.awsEndpoint(), false)) {
            GuardedAws aws = guarded(services, guard, scope, log);
            // a dry run's deliveries happen to nothing: only the requests it would send are printed
            RenewLog deliveryLog = request.dryRun() ? new RenewLog(new PrintWriter(Writer.nullWriter()),
                    RenewLog.Format.TEXT, clock) : log;
            List<String> locations = deliver(name, certificate, destinations, aws, importedArns, deliveryLog,
                    request.deleteOld(), request.dryRun());
            if (request.dryRun()) {
                for (DestinationKind destination : destinations) {
                    if (destination instanceof PemFilesDestination files) {
                        out.println("would write: " + String.join(", ", PemFiles.NAMES) + " in " + files.describe());
                    }
                }
                for (String call : dryRun.calls()) {
                    out.println("would send: " + call);
                }
                out.println(local ? "dry run: nothing was written; no AWS request is needed"
                        : "dry run: nothing was written or sent; every request above is allowed by the policy");
            }
            out.flush();
            return locations;
        }
    }

    private List<String> deliver(String name, IssuedCertificate certificate, List<DestinationKind> destinations,
            GuardedAws aws, ImportedArns importedArns, RenewLog log, boolean deleteOld, boolean dryRun)
            throws PolicygenException, InterruptedException {
        ServiceReader reader = new ServiceReader(aws, importedArns);
        List<ServiceState> states = new ArrayList<>();
        for (DestinationKind destination : destinations) {
            states.add(destination.read(name, reader));
        }
        Delivery delivery = new Delivery(aws, importedArns, clock, log, deleteOld);
        // every request of the delivery is checked now, so a policy that lacks one changes nothing anywhere
        delivery.preflight(name, states);
        List<String> locations = new ArrayList<>();
        for (ServiceState state : states) {
            if (dryRun && state.destination() instanceof PemFilesDestination) {
                // files are written by this process, not sent: a dry run leaves them as they are (the
                // preflight above checked that they could be written)
                locations.add(state.describe());
                continue;
            }
            try {
                locations.add(delivery.deliver(name, certificate, state));
            } catch (PolicygenException e) {
                log.error("deliver.failed", "cert", name, "destination", state.describe(), "delivered-to",
                        String.join(",", locations), "error", e.getMessage());
                throw e;
            }
            log.info("delivered", "cert", name, "to", locations.get(locations.size() - 1));
        }
        // only once every destination serves the new certificate: a replaced one may be shared between them
        try {
            delivery.deleteReplaced(name, states, locations);
        } catch (PolicygenException e) {
            log.error("delete-old.failed", "cert", name, "delivered-to", String.join(",", locations), "error",
                    e.getMessage());
            throw e;
        }
        return locations;
    }

    /** Each --to as the renew config's parser reads an entry of destinations; a bad one is a bad option value. */
    static List<DestinationKind> destinations(List<String> texts) throws UsageException {
        if (texts.isEmpty()) {
            throw new UsageException("--to", "give at least one --to DESTINATION, written as in a renew config, "
                    + "such as --to 'acm: {certificateArn: ARN}'");
        }
        List<DestinationKind> destinations = new ArrayList<>();
        for (String text : texts) {
            Destination destination;
            try {
                destination = DestinationText.parse(text, "--to");
            } catch (InputException e) {
                throw new UsageException(text, e.located());
            }
            destinations.add(DestinationKinds.of(destination));
        }
        return destinations;
    }

    /** The account of the first ARN a destination names, else any: the guard then judges ARNs with {@code *}. */
    private static String account(List<DestinationKind> destinations) {
        for (DestinationKind destination : destinations) {
            Optional<String> arn = destination.configuredArn();
            Arn parts = arn.map(Arn::parse).orElse(null);
            if (parts != null && !parts.account().isEmpty()) {
                return parts.account();
            }
        }
        return AwsScope.ANY_ACCOUNT;
    }

    /** The ACM ARNs imported as new earlier; the state directory is made only when an import as new may need it. */
    private static ImportedArns importedArns(Path stateDir, boolean dryRun, List<DestinationKind> destinations)
            throws InputException {
        try {
            if (dryRun) {
                return ImportedArns.readOnly(stateDir);
            }
            boolean importsNew = destinations.stream().anyMatch(d -> d instanceof dev.policygen.renew.destination
                    .AcmDestination acm && acm.config().certificateArn().isEmpty());
            if (importsNew) {
                Directories.createPrivate(stateDir);
            }
            return ImportedArns.in(stateDir);
        } catch (IOException e) {
            throw new InputException(stateDir.toString(), "cannot read the ACM imports of the state directory: "
                    + e.getMessage(), e);
        }
    }

    /** The certificate's first DNS name, else its subject: how it is named in the log and the ACM imports. */
    static String firstName(X509Certificate leaf) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> entry : names) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        return (String) entry.get(1);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the subject, which every certificate has
        }
        return leaf.getSubjectX500Principal().getName();
    }

    private static GuardedAws guarded(AwsServices services, PolicyGuard guard, AwsScope scope, RenewLog log) {
        Retry retry = Retry.standard(Sleeper.SYSTEM).onRetry((failure, attempt, delay) -> log.warn("aws.retry",
                "attempt", attempt, "delay-ms", delay.toMillis(), "error", failure.getMessage()));
        RateLimiter route53 = new RateLimiter(ROUTE53_RATE, Duration.ofMillis(1100), System::nanoTime, Sleeper.SYSTEM);
        return new GuardedAws(services, new CallGate(guard, route53, retry), scope);
    }
}
