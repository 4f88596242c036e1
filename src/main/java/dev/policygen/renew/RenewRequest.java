package dev.policygen.renew;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.model.PolicyDocument;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.destination.DestinationKind;
import dev.policygen.renew.destination.DestinationKinds;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.guard.WorkloadRuntime;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.route53.Arn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What {@code policygen renew} or {@code policygen cleanup} was asked to do, as plain values (the
 * commands build it from their options), and how each value left out is resolved: the config from
 * the file or letsencrypt-aws's variable, the state directory from the config or XDG, the account
 * from the config's ARNs, Route 53's rate window. The config and policy are read at each pass, so a
 * service picks up their changes.
 *
 * @param configFile the renew config; else the {@link RenewConfigReader#LEGACY_VARIABLE} variable
 * @param stateDir where the journal, ACM imports (and, in S3, the leases) are kept; else the config's, else XDG's
 * @param policyFiles the policy the credentials have, in one file or several evaluated together (the documents
 *     {@code generate --split} writes); none: the one generate makes for the config
 * @param route53Rate Route 53 requests per second at most, 1 to 100
 * @param awsRegion the region of the ELB, ELBv2 and ACM calls; else the environment's
 * @param awsAccount the account of the credentials; else the config's ARNs'
 * @param awsEndpoint one endpoint for every AWS service (a sandbox), as given
 * @param acmeCa the only CA certificates trusted for the ACME server's HTTPS
 * @param repeatEvery with a value, passes repeat at this interval (with jitter) until stopped
 * @param notifications where the pass's outcomes are sent (renew --notify); none for cleanup
 * @param runtime where renew runs (renew --runtime), named in the start line's generate lines for zones in other
 *     accounts; {@link WorkloadRuntime#UNKNOWN} leaves them a placeholder
 */
public record RenewRequest(Optional<Path> configFile, Optional<StateLocation> stateDir, List<Path> policyFiles,
        RenewLog.Format logFormat, int route53Rate, Optional<String> awsRegion, Optional<String> awsAccount,
        Optional<String> awsEndpoint, PassOptions options, Optional<Path> acmeCa, Optional<Duration> repeatEvery,
        NotifySettings notifications, WorkloadRuntime runtime) {
    /** A request whose start line leaves the runtime a placeholder. */
    public RenewRequest(Optional<Path> configFile, Optional<StateLocation> stateDir, List<Path> policyFiles,
            RenewLog.Format logFormat, int route53Rate, Optional<String> awsRegion, Optional<String> awsAccount,
            Optional<String> awsEndpoint, PassOptions options, Optional<Path> acmeCa, Optional<Duration> repeatEvery,
            NotifySettings notifications) {
        this(configFile, stateDir, policyFiles, logFormat, route53Rate, awsRegion, awsAccount, awsEndpoint, options,
                acmeCa, repeatEvery, notifications, WorkloadRuntime.UNKNOWN);
    }

    /** A request that notifies nobody. */
    public RenewRequest(Optional<Path> configFile, Optional<StateLocation> stateDir, List<Path> policyFiles,
            RenewLog.Format logFormat, int route53Rate, Optional<String> awsRegion, Optional<String> awsAccount,
            Optional<String> awsEndpoint, PassOptions options, Optional<Path> acmeCa,
            Optional<Duration> repeatEvery) {
        this(configFile, stateDir, policyFiles, logFormat, route53Rate, awsRegion, awsAccount, awsEndpoint, options,
                acmeCa, repeatEvery, NotifySettings.NONE);
    }

    public RenewRequest {
        if (route53Rate < 1 || route53Rate > 100) {
            throw new IllegalArgumentException("route53Rate must be 1 to 100");
        }
        policyFiles = List.copyOf(policyFiles);
    }

    /** The same request notifying {@code settings}' targets. */
    public RenewRequest withNotify(NotifySettings settings) {
        return new RenewRequest(configFile, stateDir, policyFiles, logFormat, route53Rate, awsRegion, awsAccount,
                awsEndpoint, options, acmeCa, repeatEvery, settings, runtime);
    }

    /** The same request run on {@code where} (renew --runtime). */
    public RenewRequest withRuntime(WorkloadRuntime where) {
        return new RenewRequest(configFile, stateDir, policyFiles, logFormat, route53Rate, awsRegion, awsAccount,
                awsEndpoint, options, acmeCa, repeatEvery, notifications, where);
    }

    /**
     * Where a pass with {@code config} sends its outcomes: the config's {@code notify} with the
     * request's --notify options added ({@link NotifySettings#combinedWith}).
     */
    NotifySettings notifications(RenewConfig config) {
        return config.notifications().combinedWith(notifications);
    }

    /** Whether passes repeat until stopped (a service) instead of one pass. */
    public boolean repeats() {
        return repeatEvery.isPresent();
    }

    /** The config file, else letsencrypt-aws's variable. */
    RenewConfig readConfig() throws InputException, UsageException {
        if (configFile.isPresent()) {
            return RenewConfigReader.read(configFile.get());
        }
        String legacy = System.getenv(RenewConfigReader.LEGACY_VARIABLE);
        if (legacy != null) {
            return RenewConfigReader.fromEnvironment(legacy);
        }
        throw new UsageException("--config", "give --config FILE, or set " + RenewConfigReader.LEGACY_VARIABLE
                + " to a letsencrypt-aws config");
    }

    /**
     * The given state location, else the config's, else $XDG_STATE_HOME/policygen or ~/.local/state/policygen;
     * a local directory or an S3 prefix.
     */
    StateLocation stateDir(RenewConfig config) {
        if (stateDir.isPresent()) {
            return stateDir.get();
        }
        if (config.stateDir().isPresent()) {
            return config.stateDir().get();
        }
        return new StateLocation.LocalDirectory(defaultStateDir());
    }

    /** $XDG_STATE_HOME/policygen, else ~/.local/state/policygen: renew's state directory, deliver's ACM imports. */
    public static Path defaultStateDir() {
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("policygen");
    }

    /** The given account, else the account of an ARN in the config, else any. */
    String account(RenewConfig config) {
        if (awsAccount.isPresent()) {
            return awsAccount.get();
        }
        return config.certificates().stream().flatMap(c -> c.destinations().stream())
                .map(DestinationKinds::of).map(DestinationKind::configuredArn).flatMap(Optional::stream)
                .map(Arn::parse).filter(arn -> arn != null && !arn.account().isEmpty())
                .map(Arn::account).findFirst().orElse(AwsScope.ANY_ACCOUNT);
    }

    /** The policy files' documents, all of them, if any is given. */
    Optional<List<PolicyDocument>> givenPolicy() throws InputException {
        return policyFiles.isEmpty() ? Optional.empty() : Optional.of(PolicyFiles.read(policyFiles));
    }

    /**
     * One limit for every Route 53 call of a pass, zone discovery and clean-up included, because Route 53
     * counts them together per account; the extra 100 ms of the window absorbs network jitter.
     */
    RateLimiter route53Limit() {
        return new RateLimiter(route53Rate, Duration.ofMillis(1100), System::nanoTime, Sleeper.SYSTEM);
    }
}
