package dev.policygen.cli;

import dev.policygen.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that describe a sandbox, shared by {@code policygen sandbox} and {@code policygen
 * observe} as a picocli mixin. Plain JDK types only, so that registering a command loads no sandbox
 * class; the fields are named as the sandbox's settings ({@code SandboxConfig}, the config file's
 * members) and SandboxSetup hands them over one to one.
 */
final class SandboxOptions {
    @Option(names = "--zone", paramLabel = "NAME[=ZONEID]",
            description = "A hosted zone; without =ZONEID it gets a stable id derived from the name. Repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE",
            description = "An identity policy that authorizes every call. Repeatable. Without one, everything is "
                    + "allowed and each call is logged.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--principal-arn", paramLabel = "ARN",
            description = "The IAM user the caller is, in AccessDenied messages and aws:PrincipalArn. "
                    + "Default: arn:aws:iam::123456789012:user/policygen-sandbox.")
    String principalArn;

    @Option(names = "--access-key-id", paramLabel = "AKID",
            description = "Access key the API accepts (with --secret-access-key). Default: AWS's example "
                    + "AKIAIOSFODNN7EXAMPLE.")
    String accessKeyId;

    @Option(names = "--secret-access-key", paramLabel = "SECRET", description = "Secret of --access-key-id.")
    String secretAccessKey;

    @Option(names = "--api-port", paramLabel = "PORT", description = "Plain-HTTP Route 53 API port; 0 (default) "
            + "picks a free one.")
    Integer apiPort;

    @Option(names = "--proxy-port", paramLabel = "PORT", description = "CONNECT proxy port (HTTPS_PROXY); 0 "
            + "(default) picks a free one.")
    Integer proxyPort;

    @Option(names = "--dns-port", paramLabel = "PORT", description = "DNS port, UDP and TCP; 0 (default) picks a "
            + "free one.")
    Integer dnsPort;

    @Option(names = "--ports-file", paramLabel = "FILE", description = "Write the ports and CA file as JSON here.")
    Path portsFile;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Keep records, changes and the CA here across runs. Default: a temporary directory.")
    Path stateDir;

    @Option(names = "--call-log", paramLabel = "FILE", description = "Append one JSON line per API request.")
    Path callLog;

    @Option(names = "--insync-delay", paramLabel = "MILLIS",
            description = "How long changes stay PENDING before GetChange says INSYNC. Default: 0.")
    Long insyncDelayMillis;

    @Option(names = "--throttle", paramLabel = "N", description = "Answer Throttling above N requests per second.")
    Integer throttlePerSecond;

    @Option(names = "--prior-request-rate", paramLabel = "RATE",
            description = "Share (0-1) of changes answered PriorRequestNotComplete.")
    Double priorRequestNotCompleteRate;

    @Option(names = "--server-error-rate", paramLabel = "RATE", description = "Share (0-1) of calls answered 500.")
    Double serverErrorRate;

    @Option(names = "--latency", paramLabel = "MILLIS", description = "Added to every API call.")
    Long latencyMillis;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the injected faults and change ids.")
    Long seed;

    @Option(names = "--legacy-invalid-change-batch",
            description = "Answer InvalidChangeBatch with its own root element, as Route 53 did before 2024, "
                    + "instead of today's generic error envelope.")
    boolean legacyInvalidChangeBatch;

    static long nonNegative(long value, String option) throws UsageException {
        if (value < 0) {
            throw new UsageException(Long.toString(value), option + " cannot be negative");
        }
        return value;
    }
}
