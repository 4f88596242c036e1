package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.renew.PassOptions;
import dev.policygen.renew.RenewRequest;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.report.RenewLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options renew and cleanup share (a picocli mixin): where the config, state, policy and AWS are.
 * Each command builds its {@link RenewRequest} from them; the defaults of what is left out are the
 * request's.
 */
final class RenewRequestOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "The renew config (YAML if .yaml/.yml, else JSON).")
    Path config;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the journal of TXT values and ACM "
            + "imports is kept: a directory, or s3://BUCKET/PREFIX shared by several runners (with a lease per "
            + "certificate; docs/fleet.md). Default: the config's stateDir, else $XDG_STATE_HOME/policygen or "
            + "~/.local/state/policygen.")
    String stateDir;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "The IAM policy the credentials have; every request is checked against it before it is "
                    + "sent. Repeatable: all files are evaluated together, as the documents 'generate --split' "
                    + "writes (FILE, FILE-1, ...) are once attached. Default: the policy 'generate --client "
                    + "policygen' makes for this config.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (key=value lines) or json (one object per line). Default: ${DEFAULT-VALUE}.")
    String logFormat = "text";

    @Option(names = "--route53-rate", paramLabel = "N", defaultValue = "5",
            description = "Route 53 requests per second at most, for all certificates together (AWS allows 5 per "
                    + "account): a ceiling; after a Throttling answer the rate halves and grows back gradually. "
                    + "Default: ${DEFAULT-VALUE}.")
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

    RenewRequest request(PassOptions options, Optional<Path> acmeCa, Optional<Duration> repeatEvery)
            throws UsageException {
        if (route53Rate < 1 || route53Rate > 100) {
            throw new UsageException(String.valueOf(route53Rate), "--route53-rate takes 1 to 100");
        }
        Optional<StateLocation> state = Optional.empty();
        if (stateDir != null) {
            state = Optional.of(StateLocation.parse(stateDir).orElseThrow(() -> new UsageException(stateDir,
                    "--state-dir takes a directory or s3://BUCKET/PREFIX, not \"" + stateDir + "\"")));
        }
        return new RenewRequest(Optional.ofNullable(config), state,
                policies, logFormat(), route53Rate, Optional.ofNullable(awsRegion),
                Optional.ofNullable(awsAccount), Optional.ofNullable(awsEndpoint), options, acmeCa, repeatEvery);
    }

    private RenewLog.Format logFormat() throws UsageException {
        return switch (logFormat) {
            case "text" -> RenewLog.Format.TEXT;
            case "json" -> RenewLog.Format.JSON;
            default -> throw new UsageException(logFormat, "--log-format takes text or json, not \"" + logFormat
                    + "\"");
        };
    }
}
