package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.deliver.ImportedArns;
import dev.policygen.renew.destination.Delivery;
import dev.policygen.renew.destination.ServiceReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.CallGate;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Retry;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.Progress;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Wires a run: the AWS services behind the guard, rate limit and retries; the ACME client; the
 * journal; the log. Everything a test may replace (clock, sleeper, rate limit, retries) has a
 * setter; everything else is required.
 */
public final class RenewEngine {
    private RenewConfig config;
    private RenewOptions options;
    private AwsServices services;
    private PolicyGuard guard;
    private AwsScope scope;
    private AcmeClient acme;
    private Journal journal;
    private ImportedArns importedArns;
    private RenewLog log;
    private Progress progress;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private RateLimiter route53Limit = RateLimiter.route53();
    private Duration insyncTimeout = ChangeWaiter.DEFAULT_TIMEOUT;
    private GuardedAws guarded;
    private Map<String, ? extends PolicygenException> failedBefore = Map.of();

    public RenewEngine config(RenewConfig value) {
        config = value;
        return this;
    }

    public RenewEngine options(RenewOptions value) {
        options = value;
        return this;
    }

    public RenewEngine services(AwsServices value, PolicyGuard policyGuard, AwsScope awsScope) {
        services = value;
        guard = policyGuard;
        scope = awsScope;
        return this;
    }

    public RenewEngine acme(AcmeClient value) {
        acme = value;
        return this;
    }

    public RenewEngine state(Journal value, ImportedArns arns) {
        journal = value;
        importedArns = arns;
        return this;
    }

    public RenewEngine output(RenewLog value, Progress display) {
        log = value;
        progress = display;
        return this;
    }

    public RenewEngine clock(Clock value, Sleeper waits) {
        clock = value;
        sleeper = waits;
        return this;
    }

    public RenewEngine route53Limit(RateLimiter value) {
        route53Limit = value;
        return this;
    }

    public RenewEngine insyncTimeout(Duration value) {
        insyncTimeout = value;
        return this;
    }

    /**
     * Certificates that failed before the run (certificate name to why, e.g. a name in no zone): each
     * is reported as failed among the run's results, without any order.
     */
    public RenewEngine failedBefore(Map<String, ? extends PolicygenException> failures) {
        failedBefore = Map.copyOf(failures);
        return this;
    }

    /** The guarded AWS calls of this engine, also for {@code policygen cleanup}. */
    public GuardedAws aws() {
        if (guarded == null) {
            Objects.requireNonNull(services, "services");
            // read at each retry: zone discovery, the S3 account key and cleanup use aws() before output() or
            // without it, and a retry then must not fail for want of a log
            Retry retry = Retry.standard(sleeper).onRetry((failure, attempt, delay) -> {
                RenewLog current = log;
                if (current != null) {
                    current.warn("aws.retry", "attempt", attempt, "delay-ms", delay.toMillis(), "error",
                            failure.getMessage());
                }
            });
            guarded = new GuardedAws(services, new CallGate(guard, route53Limit, retry), scope);
        }
        return guarded;
    }

    public ZoneRecords zoneRecords() {
        return new ZoneRecords(aws(), sleeper);
    }

    public RenewRun build() {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(acme, "acme");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(log, "log");
        GuardedAws aws = aws();
        RenewContext context = new RenewContext(options, clock, log, progress, CertificateIssuer.of(acme), aws,
                new ServiceReader(aws, importedArns),
                new Delivery(aws, importedArns, clock, log, options.deleteOld()),
                new ChallengeZones(aws), new ZoneRecords(aws, sleeper),
                new ChangeWaiter(aws, clock, sleeper, insyncTimeout),
                journal);
        return new RenewRun(config.certificates(), failedBefore, context);
    }
}
