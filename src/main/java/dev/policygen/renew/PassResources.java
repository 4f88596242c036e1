package dev.policygen.renew;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.SourcePosition;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneDiscovery;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.report.Summary;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.Partition;
import dev.policygen.route53.Route53Names;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pass, or a clean-up, opens before any certificate, each built once: the log, the state
 * ({@link PassState}: journal, ACM imports, leases), the AWS services, and the guarded calls on them under
 * the pass's policy (its zones discovered first when the config leaves them out). Closed in reverse.
 */
final class PassResources implements AutoCloseable {
    private final List<AutoCloseable> opened;
    private final PrintWriter out;
    private final RenewLog.Format format;
    private final RenewLog log;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RenewConfig config;
    private final Map<String, PolicygenException> failedBefore;
    private final PassState state;
    private final GuardedAws aws;

    private PassResources(List<AutoCloseable> opened, PrintWriter out, RenewLog.Format format, RenewLog log,
            Clock clock, Sleeper sleeper, RenewConfig config, Map<String, PolicygenException> failedBefore,
            PassState state, GuardedAws aws) {
        this.opened = opened;
        this.out = out;
        this.format = format;
        this.log = log;
        this.clock = clock;
        this.sleeper = sleeper;
        this.config = config;
        this.failedBefore = Map.copyOf(failedBefore);
        this.state = state;
        this.aws = aws;
    }

    /**
     * @param config the request's config, as read for this pass
     * @param warmUpRoute53 whether slow work that needs no AWS (the ACME login) comes before the first call
     */
    static PassResources open(RenewRequest request, RenewConfig config, AwsConnector connector, PrintWriter out,
            boolean warmUpRoute53) throws PolicygenException, InterruptedException {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            return open(request, config, connector, out, warmUpRoute53, opened);
        } catch (PolicygenException | InterruptedException | RuntimeException e) {
            close(opened);
            throw e;
        }
    }

    private static PassResources open(RenewRequest request, RenewConfig config, AwsConnector connector,
            PrintWriter out, boolean warmUpRoute53, List<AutoCloseable> opened)
            throws PolicygenException, InterruptedException {
        Clock clock = Clock.systemUTC();
        Sleeper sleeper = Sleeper.SYSTEM;
        // the log from the start, so retries of zone discovery, the account key and clean-up are logged
        RenewLog log = new RenewLog(out, request.logFormat(), clock);
        StateLocation stateDir = request.stateDir(config);
        PassState.Opening stateOpening = PassState.lockLocal(stateDir, clock, opened);
        config = stateOpening.granting(config);
        String region = request.awsRegion().orElseGet(connector::defaultRegion);
        AwsServices services = connector.open(region, request.awsEndpoint(), warmUpRoute53);
        opened.add(services);
        AwsScope scope = new AwsScope(Partition.AWS, region, request.account(config));
        Optional<String> account = scope.account().equals(AwsScope.ANY_ACCOUNT) ? Optional.empty()
                : Optional.of(scope.account());
        boolean deleteOld = request.options().deleteOld();

        Optional<List<PolicyDocument>> given = request.givenPolicy();
        RateLimiter route53Limit = request.route53Limit();
        RenewConfig resolved = config;
        // the config and discovered zones the policy is made for (the cross-account split is made from them too)
        RenewConfig policyConfig = config;
        List<ZoneRef> discovered = List.of();
        Map<String, PolicygenException> failedBefore = Map.of();
        RenewPolicy policy = RenewPolicy.of(config, List.of(), Optional.of(region), account, deleteOld,
                request.notifications().topicArns());
        if (!config.zonesConfigured()) {
            // discovery has a guard of its own because the pass's policy is scoped to the zones it finds:
            // it runs under the given policy, or under one that allows only that, the one call generate's
            // policy grants for it; the pass's guard is built once below, with the zones known
            GuardedAws discoveryAws = guarded(services, given.isPresent() ? PolicyGuard.of(given.get(), policy)
                    : PolicyGuard.of(List.of(discoveryOnly()), policy), scope, route53Limit, sleeper, log);
            Optional<ZoneDiscovery> discovery;
            try {
                discovery = Optional.of(ZoneDiscovery.run(config, new ChallengeZones(discoveryAws)));
            } catch (PolicygenException e) {
                if (given.isEmpty()) {
                    throw e;
                }
                // a given policy may not allow every name's lookup; each certificate then finds its own
                // zones in the pass and fails alone, and the generate line is printed without the zones
                discovery = Optional.empty();
            }
            if (discovery.isPresent()) {
                resolved = discovery.get().config();
                // with the zones known, the generate line suggested on a denial is one generate accepts;
                // a certificate with a name in no zone is left out of it and reported as failed
                policyConfig = discovery.get().resolvable(config);
                discovered = discovery.get().discovered();
                policy = RenewPolicy.of(policyConfig, discovered, Optional.of(region), account, deleteOld,
                        request.notifications().topicArns());
                failedBefore = Map.copyOf(discovery.get().unresolved());
            }
        }
        Optional<CrossAccountZones> crossAccount = resolved.certificates().isEmpty() ? Optional.empty()
                : CrossAccountZones.of(policy, policyConfig, discovered, Optional.of(region), account, deleteOld,
                        request.notifications().topicArns(), request.runtime());
        Optional<PolicyGuard> givenGuard = given.isPresent() ? Optional.of(PolicyGuard.of(given.get(), policy))
                : Optional.empty();
        // with role zones the whole generated policy guards nothing (the workload's part judges the run's own
        // calls, each role's part its zones'), so it is not built;
        // with no certificate left to renew (every one has a name in no zone) there is no policy to generate;
        // the pass then only reports those failures, allowed nothing but the discovery it already did
        PolicyGuard guard = crossAccount.isPresent() ? crossAccount.get().guard(givenGuard)
                : givenGuard.isPresent() ? givenGuard.get()
                : resolved.certificates().isEmpty() ? PolicyGuard.of(List.of(discoveryOnly()), policy)
                : PolicyGuard.generated(policy);
        GuardedAws aws = guarded(services, guard, scope, route53Limit, sleeper, log);
        PassState state = stateOpening.open(aws, request.options().lease(), clock, sleeper, log, opened);
        String policyLine = !request.policyFiles().isEmpty() ? PolicyFiles.describe(request.policyFiles())
                : crossAccount.isPresent() ? crossAccount.get().workloadLine() : policy.commandLine();
        if (crossAccount.isPresent()) {
            log.info("start", "certificates", resolved.certificates().size(), "policy", policyLine,
                    "dns-role-policy", crossAccount.get().roleLines(), "state-dir", stateDir);
            // before any certificate: a role STS (or the guard) refuses fails the pass before Route 53 is called
            aws.assumeZoneRoles(crossAccount.get().roleOfZone());
        } else {
            log.info("start", "certificates", resolved.certificates().size(), "policy", policyLine,
                    "state-dir", stateDir);
        }
        return new PassResources(opened, out, request.logFormat(), log, clock, sleeper, resolved, failedBefore,
                state, aws);
    }

    /**
     * The AWS calls behind the guard, the rate limit shared by every Route 53 call of the pass, and
     * retries, each retry logged.
     */
    static GuardedAws guarded(AwsServices services, PolicyGuard guard, AwsScope scope, RateLimiter route53Limit,
            Sleeper sleeper, RenewLog log) {
        Retry retry = Retry.standard(sleeper).onRetry((failure, attempt, delay) -> log.warn("aws.retry",
                "attempt", attempt, "delay-ms", delay.toMillis(), "error", failure.getMessage()));
        return new GuardedAws(services, new CallGate(guard, route53Limit, retry), scope);
    }

    private static PolicyDocument discoveryOnly() {
        return PolicyDocument.of(List.of(Statement.builder(Effect.ALLOW)
                .actions(List.of(Route53Names.LIST_HOSTED_ZONES_BY_NAME)).resources(List.of("*")).build()));
    }

    RenewLog log() {
        return log;
    }

    RenewLog.Format format() {
        return format;
    }

    Journal journal() {
        return state.journal();
    }

    ZoneRecords zoneRecords() {
        return new ZoneRecords(aws, sleeper);
    }

    /** The ACME account key of the config: a local file, or an S3 object read through the guard. */
    KeyPair accountKey(AccountKeyLocation location) throws PolicygenException, InterruptedException {
        if (location instanceof AccountKeyLocation.LocalFile file) {
            return AccountKeyFile.read(file.path());
        }
        AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) location;
        byte[] pem = aws.object(object.bucket(), object.key()).orElseThrow(() -> new InputException(
                object.uri(), SourcePosition.UNKNOWN, "no ACME account key at " + object.uri()
                        + "; create it with policygen register --account-key " + object.uri()));
        return AccountKeyFile.parse(new String(pem, StandardCharsets.US_ASCII), object.uri());
    }

    /** The pass over the config's certificates, with its parts built on these resources. */
    RenewPass pass(AcmeClient acme, PassOptions options, Progress progress) {
        log.showAbove(progress);
        PassParts parts = new PassParts(options, clock, log, progress, CertificateIssuer.of(acme), aws,
                new ServiceReader(aws, state.importedArns()),
                new Delivery(aws, state.importedArns(), clock, log, options.deleteOld()),
                new ChallengeZones(aws), new ZoneRecords(aws, sleeper),
                new ChangeWaiter(aws, clock, sleeper, ChangeWaiter.DEFAULT_TIMEOUT),
                state.journal());
        return new RenewPass(config.certificates(), failedBefore, parts, state.leases());
    }

    /** The guarded calls of the pass, for its notifications' SNS publishes. */
    GuardedAws aws() {
        return aws;
    }

    /** Prints the summary of a pass's results. */
    void report(List<CertificateResult> results) {
        Summary summary = new Summary(format);
        for (CertificateResult result : results) {
            summary.add(new Summary.Row(result.certificate(), Summary.Outcome.valueOf(result.outcome().name()),
                    result.expiry(), result.detail()));
        }
        summary.print(out);
        out.flush();
    }

    @Override
    public void close() {
        close(opened);
    }

    private static void close(List<AutoCloseable> opened) {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing frees resources only; the pass's outcome is already decided
            }
        }
        opened.clear();
    }
}
