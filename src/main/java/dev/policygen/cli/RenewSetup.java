package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.renew.CertificateResult;
import dev.policygen.renew.RenewEngine;
import dev.policygen.renew.RenewOptions;
import dev.policygen.renew.RenewRun;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ZoneDiscovery;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.report.Summary;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.Partition;
import dev.policygen.route53.Route53Names;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one renew pass needs, opened in order and closed in reverse: the config, the state
 * directory's journal (locked), the AWS services, the guard's policy (zones discovered first when
 * the config leaves them out), the ACME account, and the log.
 */
final class RenewSetup implements AutoCloseable {
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RenewCommand options;
    private final PrintWriter out;
    private RenewLog log;
    private RenewLog.Format format;
    private RenewRun run;
    private RenewEngine engine;
    private Journal journal;

    private RenewSetup(RenewCommand options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    static RenewSetup open(RenewCommand options, PrintWriter out, PrintWriter err) throws PolicygenException,
            InterruptedException {
        return open(options, out, err, true);
    }

    /** @param acme false for clean-up only, which needs no ACME account and runs no certificate */
    static RenewSetup open(RenewCommand options, PrintWriter out, PrintWriter err, boolean acme)
            throws PolicygenException, InterruptedException {
        RenewSetup setup = new RenewSetup(options, out);
        boolean ready = false;
        try {
            setup.prepare(err, acme);
            ready = true;
            return setup;
        } finally {
            if (!ready) {
                setup.close();
            }
        }
    }

    private void prepare(PrintWriter err, boolean withAcme) throws PolicygenException, InterruptedException {
        RenewTargetOptions target = options.target;
        RenewLog.Format format = target.logFormat();
        Clock clock = Clock.systemUTC();
        this.format = format;
        log = new RenewLog(out, format, clock);
        RenewConfig config = target.config();
        Path stateDir = target.stateDir(config);
        Journal journal = Journal.open(stateDir, clock);
        opened.add(journal);
        ImportedArns importedArns;
        try {
            importedArns = ImportedArns.in(stateDir);
        } catch (IOException e) {
            throw new InputException(stateDir.toString(), "cannot read the ACM imports of the state directory: "
                    + e.getMessage(), e);
        }
        String region = target.awsRegion != null ? target.awsRegion : SdkAwsServices.defaultRegion(System.getenv());
        Optional<URI> endpoint = SdkAwsServices.endpoint(target.awsEndpoint, System.getenv());
        SdkAwsServices services = SdkAwsServices.builder(new CredentialSource.DefaultChain())
                .region(region).endpoint(endpoint).build();
        opened.add(services);
        Optional<EarlyAcmeLogin> early = Optional.empty();
        if (withAcme) {
            // the SDK's cold first request overlaps the ACME login and order instead of following them,
            // and the login overlaps zone discovery
            services.warmUpRoute53();
            if (config.accountKey() instanceof AccountKeyLocation.LocalFile file) {
                early = Optional.of(EarlyAcmeLogin.start(file.path(), config.directory(),
                        Optional.ofNullable(options.acmeCa), clock));
                opened.add(early.get());
            }
        }
        AwsScope scope = new AwsScope(Partition.AWS, region, target.account(config));

        Optional<List<PolicyDocument>> given = target.policyDocuments();
        // one limit for the discovery's calls and the run's: Route 53 counts them together
        RateLimiter route53Limit = target.route53Limit();
        // the log from the start, so retries of zone discovery, the account key and cleanup are logged
        RenewEngine engine = new RenewEngine().clock(clock, Sleeper.SYSTEM)
                .route53Limit(route53Limit).output(log, Progress.disabled());
        RenewConfig resolved = config;
        RenewPolicy policy = RenewPolicy.of(config, List.of(), Optional.of(region), knownAccount(scope),
                options.deleteOld);
        if (!config.zonesConfigured()) {
            // the run's policy is scoped to the zones, so they are found first: under the given policy, or
            // under one that allows only that, the one call generate's policy grants for it
            engine.services(services, given.isPresent() ? PolicyGuard.of(given.get(), policy)
                    : PolicyGuard.of(List.of(discoveryOnly()), policy), scope);
            Optional<ZoneDiscovery> discovery;
            try {
                discovery = Optional.of(ZoneDiscovery.run(config, new ChallengeZones(engine.aws())));
            } catch (PolicygenException e) {
                if (given.isEmpty()) {
                    throw e;
                }
                // a given policy may not allow every name's lookup; each certificate then finds its own
                // zones in the run and fails alone, and the generate line is printed without the zones
                discovery = Optional.empty();
            }
            engine = new RenewEngine().clock(clock, Sleeper.SYSTEM)
                    .route53Limit(route53Limit).output(log, Progress.disabled());
            if (discovery.isPresent()) {
                resolved = discovery.get().config();
                // with the zones known, the generate line suggested on a denial is one generate accepts;
                // a certificate with a name in no zone is left out of it and reported as failed
                policy = RenewPolicy.of(discovery.get().resolvable(config), discovery.get().discovered(),
                        Optional.of(region), knownAccount(scope), options.deleteOld);
                engine.failedBefore(discovery.get().unresolved());
            }
        }
        // with no certificate left to run (every one has a name in no zone) there is no policy to generate;
        // the run then only reports those failures, allowed nothing but the discovery it already did
        PolicyGuard guard = given.isPresent() ? PolicyGuard.of(given.get(), policy)
                : resolved.certificates().isEmpty() ? PolicyGuard.of(List.of(discoveryOnly()), policy)
                : PolicyGuard.generated(policy);
        engine.services(services, guard, scope);
        log.info("start", "certificates", resolved.certificates().size(), "policy",
                target.policy != null ? target.policy.toString() : policy.commandLine(), "state-dir", stateDir);

        this.engine = engine;
        this.journal = journal;
        if (!withAcme) {
            return;
        }
        AcmeClient acme;
        if (early.isPresent()) {
            acme = early.get().client();
        } else {
            KeyPair accountKey = accountKey(config.accountKey(), engine);
            acme = AcmeClient.login(config.directory(), Optional.ofNullable(options.acmeCa), accountKey, clock,
                    Sleeper.SYSTEM);
        }
        opened.add(acme);
        Progress progress = Progress.forTerminal(err, format);
        log.showAbove(progress);
        run = engine.config(resolved)
                .options(new RenewOptions(options.forceIssue, options.deleteOld, options.dryRun,
                        Optional.ofNullable(options.preferredChain), options.concurrency))
                .acme(acme).state(journal, importedArns).output(log, progress).build();
    }

    RenewRun run() {
        return run;
    }

    /** Removes the TXT values the journal lists; the first failure, if any. */
    Optional<PolicygenException> removeLeftovers() throws InterruptedException {
        int count = journal.leftovers().size();
        Optional<PolicygenException> failure = RenewRun.removeLeftovers(journal, engine.zoneRecords());
        log.info("cleanup", "values", count, "left", journal.leftovers().size());
        return failure;
    }

    void report(List<CertificateResult> results) {
        Summary summary = new Summary(format);
        for (CertificateResult result : results) {
            summary.add(new Summary.Row(result.certificate(), Summary.Outcome.valueOf(result.outcome().name()),
                    result.expiry(), result.detail()));
        }
        summary.print(out);
        out.flush();
    }

    private static Optional<String> knownAccount(AwsScope scope) {
        return scope.account().equals(AwsScope.ANY_ACCOUNT) ? Optional.empty() : Optional.of(scope.account());
    }

    private static PolicyDocument discoveryOnly() {
        return PolicyDocument.of(List.of(Statement.builder(dev.policygen.model.Effect.ALLOW)
                .actions(List.of(Route53Names.LIST_HOSTED_ZONES_BY_NAME)).resources(List.of("*")).build()));
    }

    private static KeyPair accountKey(AccountKeyLocation location, RenewEngine engine) throws PolicygenException,
            InterruptedException {
        if (location instanceof AccountKeyLocation.LocalFile file) {
            return AccountKeyFile.read(file.path());
        }
        AccountKeyLocation.S3Object object = (AccountKeyLocation.S3Object) location;
        byte[] pem = engine.aws().object(object.bucket(), object.key()).orElseThrow(() -> new InputException(
                object.uri(), dev.policygen.SourcePosition.UNKNOWN, "no ACME account key at " + object.uri()
                        + "; create it with policygen register --account-key " + object.uri()));
        return AccountKeyFile.parse(new String(pem, StandardCharsets.US_ASCII), object.uri());
    }

    @Override
    public void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                // closing frees resources only; the run's outcome is already decided
            }
        }
        opened.clear();
    }

}
