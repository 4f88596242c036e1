package dev.policygen.cli;

import dev.policygen.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code policygen sandbox}: runs the local Route 53 stand-in until interrupted. Its fields are
 * plain JDK types and the sandbox classes are touched only inside {@link #call()}, so registering
 * the command loads neither dnsjava nor Bouncy Castle for other commands.
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Run a local Route 53 for ACME clients: the API (SigV4-checked, authorized by your policies), "
                + "an HTTPS_PROXY that intercepts TLS to route53.amazonaws.com, and an authoritative DNS server. "
                + "All on 127.0.0.1; nothing connects out. Runs until Ctrl-C or SIGTERM."},
        footer = {"%nExample:%n  policygen sandbox --zone example.com=Z0123456789ABCDEFGHIJ --policy policy.json "
                + "--proxy-port 8888 --dns-port 8053 --call-log calls.jsonl",
                "  then: HTTPS_PROXY=http://127.0.0.1:8888 AWS_CA_BUNDLE=<the CA file printed> lego --dns route53 ...%n",
                "Exit codes: 0 stopped, 2 bad option value, 3 unreadable policy or config file."})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--zone", paramLabel = "NAME[=ZONEID]",
            description = "A hosted zone; without =ZONEID it gets a stable id derived from the name. Repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON config file; options given here win.")
    Path config;

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
    Double priorRequestRate;

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

    @Option(names = "--quiet", description = "Do not print a line per request.")
    boolean quiet;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        dev.policygen.sandbox.Sandbox sandbox = SandboxSetup.build(this, quiet ? null : err);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                sandbox.close();
            } catch (java.io.IOException e) {
                err.println("policygen sandbox: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "sandbox-shutdown");
        try {
            sandbox.start();
        } catch (java.net.BindException e) {
            throw new UsageException("", "cannot listen on 127.0.0.1: " + e.getMessage() + "; choose other "
                    + "--api-port, --proxy-port or --dns-port values, or 0 for free ones");
        }
        Runtime.getRuntime().addShutdownHook(hook);
        SandboxSetup.printPorts(out, sandbox.ports());
        stopped.await();
        return ExitCode.OK;
    }

    /** The fault options as given; a null means "not given", so a config file's value stays. */
    Duration insyncDelay() throws UsageException {
        return insyncDelayMillis == null ? null : Duration.ofMillis(nonNegative(insyncDelayMillis, "--insync-delay"));
    }

    static long nonNegative(long value, String option) throws UsageException {
        if (value < 0) {
            throw new UsageException(Long.toString(value), option + " cannot be negative");
        }
        return value;
    }
}
