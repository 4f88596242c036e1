package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.renew.CertificateResult;
import dev.policygen.renew.PassOptions;
import dev.policygen.renew.RenewLoop;
import dev.policygen.renew.RenewRequest;
import dev.policygen.renew.guard.WorkloadRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Renews the certificates of a renew config, once or as a service. The work is {@link RenewLoop}'s;
 * this class holds the options, builds the request and maps the results to an exit code. Options are
 * plain values so building the command line loads no ACME, SDK or Bouncy Castle class.
 */
@Command(name = "renew",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Renew the certificates of a renew config over DNS-01 on Route 53, never sending an AWS "
                + "request outside its policy.",
        footer = {"%nThe config is --config FILE (YAML or JSON), else the LETSENCRYPT_AWS_CONFIG environment variable "
                + "in letsencrypt-aws's schema.%n",
                "Exit codes: 0 every certificate renewed or not due, 2 bad option value, 3 the config cannot be read or "
                        + "has a bad value, or the state directory or a certificate file cannot be read or "
                        + "written, 4 a certificate failed (AWS, "
                        + "ACME, or a request the policy denies; see the summary)."})
final class RenewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--persistent", description = "Keep running: renew, sleep --interval (with jitter), repeat; "
            + "SIGTERM finishes the current step, cleans up and exits 0.")
    boolean persistent;

    @Option(names = "--lease", paramLabel = "DURATION", defaultValue = "5m",
            description = "With --state-dir s3://BUCKET/PREFIX: how long a certificate's lease lasts unless renewed; "
                    + "a runner renews its leases every third of it while it works, and another runner takes over "
                    + "the certificates of one that stopped once their lease expired. Default: ${DEFAULT-VALUE}.")
    String lease = "5m";

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "12h",
            description = "Time between passes with --persistent: 90s, 30m, 12h, 1d or ISO-8601. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--force-issue", description = "Renew every certificate now, due or not.")
    boolean forceIssue;

    @Option(names = "--delete-old", description = "Delete the replaced IAM server certificate once the new one is in service.")
    boolean deleteOld;

    @Option(names = "--dry-run", description = "Read what is in service and report what would be renewed, checking "
            + "each of its requests against the policy; no order, no change anywhere.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Certificates worked on at once; one waiting for its wave of DNS-01 challenges gives its "
                    + "turn to the next. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--preferred-chain", paramLabel = "NAME",
            description = "Use the CA's alternate chain whose top certificate is issued by (or is) this common name.")
    String preferredChain;

    // hidden: for tests that count waves; a wave still closes as soon as every certificate joined or finished
    @Option(names = "--wave-gather", paramLabel = "DURATION", hidden = true,
            description = "How long a wave waits for the pass's certificates (quiet and longest window alike).")
    String waveGather;

    @Option(names = "--acme-ca", paramLabel = "FILE",
            description = "Trust only the CA certificates in this PEM file for the ACME server's HTTPS (private CAs).")
    Path acmeCa;

    @Option(names = "--runtime", paramLabel = "NAME",
            description = "Where renew runs, as generate --runtime names it (ec2, ecs-task, lambda, eks-irsa, "
                    + "eks-pod-identity, github-actions, role; policygen runtimes): the start line's generate lines "
                    + "for zones in other accounts then carry it instead of the placeholder RUNTIME.")
    String runtime;

    @Mixin
    RenewRequestOptions target = new RenewRequestOptions();

    @Mixin
    NotifyOptions notify = new NotifyOptions();

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        RenewRequest request = request();
        RenewLoop loop = new RenewLoop(request, new SdkAwsConnector(), spec.commandLine().getOut(),
                spec.commandLine().getErr());
        TermSignal.onTerm(loop::stop);
        List<CertificateResult> results = loop.run();
        // a service ends only on SIGTERM, which is how it is meant to end; its failures were logged
        return request.repeats() ? ExitCode.OK : exitCode(results);
    }

    /** The request of these options, every value checked before anything starts. */
    RenewRequest request() throws UsageException {
        Duration every = DurationText.parse(interval, "--interval");
        if (concurrency < 1 || concurrency > 64) {
            throw new UsageException(String.valueOf(concurrency), "--concurrency takes 1 to 64");
        }
        Duration leaseDuration = DurationText.parse(lease, "--lease");
        Optional<Duration> gather = waveGather == null ? Optional.empty()
                : Optional.of(DurationText.parse(waveGather, "--wave-gather"));
        PassOptions options = new PassOptions(forceIssue, deleteOld, dryRun, Optional.ofNullable(preferredChain),
                concurrency, leaseDuration, gather);
        RenewRequest request = target.request(options, Optional.ofNullable(acmeCa), persistent ? Optional.of(every)
                : Optional.empty()).withNotify(notify.settings());
        return runtime == null ? request : request.withRuntime(WorkloadRuntime.parse(runtime));
    }

    /**
     * 0 when every certificate was renewed or not due (clean-up included); else the code of the failure
     * that speaks for the pass.
     */
    static int exitCode(List<CertificateResult> results) {
        return CertificateResult.decidingFailure(results).map(Main::exitCodeOf).orElse(ExitCode.OK);
    }
}
