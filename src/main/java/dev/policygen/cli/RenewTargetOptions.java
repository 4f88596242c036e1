package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.AwsScope;
import dev.policygen.renew.pace.RateLimiter;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.RenewLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * What renew and cleanup both need to find their config, state, policy and AWS: one set of options
 * (a picocli mixin) and how each is resolved from its default.
 */
final class RenewTargetOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "The renew config (YAML if .yaml/.yml, else JSON).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the journal of TXT values and ACM "
            + "imports is kept. Default: the config's stateDir, else $XDG_STATE_HOME/policygen or "
            + "~/.local/state/policygen.")
    Path stateDir;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The IAM policy the credentials have; every request is checked against it before it is "
                    + "sent. Default: the policy 'generate --client policygen' makes for this config.")
    Path policy;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (key=value lines) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    String logFormat = "text";

    @Option(names = "--route53-rate", paramLabel = "N", defaultValue = "5",
            description = "Route 53 requests per second at most, for all certificates together (AWS allows 5 per "
                    + "account). Default: ${DEFAULT-VALUE}.")
    int route53Rate = 5;

    @Option(names = "--aws-region", paramLabel = "REGION",
            description = "Region of the ELB, ELBv2 and ACM calls. Default: AWS_REGION, else us-east-1.")
    String awsRegion;

    @Option(names = "--aws-account", paramLabel = "ID",
            description = "The account of the credentials, for the ARNs the policy is checked on. Default: taken "
                    + "from the config's ARNs, else any.")
    String awsAccount;

    @Option(names = "--aws-endpoint", paramLabel = "URL",
            description = "Send every AWS request to this endpoint (a policygen sandbox). Default: AWS_ENDPOINT_URL, "
                    + "else AWS.")
    String awsEndpoint;

    RenewLog.Format logFormat() throws UsageException {
        return switch (logFormat) {
            case "text" -> RenewLog.Format.TEXT;
            case "json" -> RenewLog.Format.JSON;
            default -> throw new UsageException(logFormat, "--log-format takes text or json, not \"" + logFormat
                    + "\"");
        };
    }

    /** --config, else letsencrypt-aws's variable. */
    RenewConfig config() throws InputException, UsageException {
        if (config != null) {
            return RenewConfigReader.read(config);
        }
        String legacy = System.getenv(RenewConfigReader.LEGACY_VARIABLE);
        if (legacy != null) {
            return RenewConfigReader.fromEnvironment(legacy);
        }
        throw new UsageException("--config", "give --config FILE, or set " + RenewConfigReader.LEGACY_VARIABLE
                + " to a letsencrypt-aws config");
    }

    Path stateDir(RenewConfig renewConfig) {
        if (stateDir != null) {
            return stateDir;
        }
        if (renewConfig.stateDir().isPresent()) {
            return renewConfig.stateDir().get();
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("policygen");
    }

    /** --aws-account, else the account of an ARN in the config, else any. */
    String account(RenewConfig renewConfig) {
        if (awsAccount != null) {
            return awsAccount;
        }
        return renewConfig.certificates().stream().flatMap(c -> c.destinations().stream())
                .map(RenewTargetOptions::arnOf).flatMap(Optional::stream)
                .map(arn -> arn.split(":", 6)).filter(parts -> parts.length == 6 && !parts[4].isEmpty())
                .map(parts -> parts[4]).findFirst().orElse(AwsScope.ANY_ACCOUNT);
    }

    private static Optional<String> arnOf(Destination destination) {
        if (destination instanceof Destination.Elbv2 elbv2) {
            return Optional.of(elbv2.listenerArn());
        }
        if (destination instanceof Destination.Acm acm) {
            return acm.certificateArn();
        }
        return Optional.empty();
    }

    /** The --policy documents, if given. */
    Optional<List<PolicyDocument>> policyDocuments() throws InputException {
        if (policy == null) {
            return Optional.empty();
        }
        String text = InputFiles.read(policy, "the policy");
        return Optional.of(List.of(PolicyReader.read(text, policy.toString())));
    }

    /** Route 53's limit is per account; the extra 100 ms of the window absorbs network jitter. */
    RateLimiter route53Limit() throws UsageException {
        if (route53Rate < 1 || route53Rate > 100) {
            throw new UsageException(String.valueOf(route53Rate), "--route53-rate takes 1 to 100");
        }
        return new RateLimiter(route53Rate, Duration.ofMillis(1100), System::nanoTime, Sleeper.SYSTEM);
    }
}
