package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.sandbox.FaultSettings;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxConfigFile;
import dev.policygen.sandbox.SandboxPorts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns {@code policygen sandbox}'s options into a sandbox, and prints where it listens. Kept out of
 * SandboxCommand so that picocli, which inspects the command class, never sees a sandbox type.
 */
final class SandboxSetup {
    private SandboxSetup() {
    }

    static Sandbox build(SandboxCommand command, PrintWriter console) throws UsageException, InputException {
        return configure(command.sandboxOptions, command.config, console).build();
    }

    /** A builder with the config file's settings (if any), then the options given on top of them. */
    static Sandbox.Builder configure(SandboxOptions options, Path config, PrintWriter console)
            throws UsageException, InputException {
        Sandbox.Builder builder = Sandbox.builder().console(console);
        if (config != null) {
            SandboxConfigFile.apply(config, builder);
        }
        if (options.legacyInvalidChangeBatch) {
            builder.legacyInvalidChangeBatch(true);
        }
        try {
            for (String zone : options.zones) {
                int equals = zone.indexOf('=');
                builder.zone(equals < 0 ? zone : zone.substring(0, equals), equals < 0 ? null : zone.substring(equals + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(String.valueOf(options.zones), "--zone: " + e.getMessage());
        }
        if ((options.accessKeyId == null) != (options.secretAccessKey == null)) {
            throw new UsageException("--access-key-id", "--access-key-id and --secret-access-key go together");
        }
        if (options.accessKeyId != null) {
            builder.credentials(options.accessKeyId, options.secretAccessKey);
        }
        for (Path policy : options.policies) {
            builder.policy(policy);
        }
        try {
            if (options.principalArn != null) {
                builder.principalArn(options.principalArn);
            }
            if (options.apiPort != null) {
                builder.apiPort(options.apiPort);
            }
            if (options.proxyPort != null) {
                builder.proxyPort(options.proxyPort);
            }
            if (options.dnsPort != null) {
                builder.dnsPort(options.dnsPort);
            }
            Duration insyncDelay = options.insyncDelay();
            if (insyncDelay != null) {
                builder.insyncDelay(insyncDelay);
            }
            if (options.seed != null) {
                builder.seed(options.seed);
            }
            if (options.throttlePerSecond != null || options.priorRequestRate != null || options.serverErrorRate != null
                    || options.latencyMillis != null) {
                builder.faults(new FaultSettings(options.throttlePerSecond == null ? 0 : options.throttlePerSecond,
                        options.priorRequestRate == null ? 0 : options.priorRequestRate,
                        options.serverErrorRate == null ? 0 : options.serverErrorRate,
                        Duration.ofMillis(options.latencyMillis == null ? 0
                                : SandboxOptions.nonNegative(options.latencyMillis, "--latency"))));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("", e.getMessage());
        }
        if (options.stateDir != null) {
            builder.stateDir(options.stateDir);
        }
        if (options.callLog != null) {
            builder.callLog(options.callLog);
        }
        if (options.portsFile != null) {
            builder.portsFile(options.portsFile);
        }
        return builder;
    }

    static void printPorts(PrintWriter out, SandboxPorts ports) {
        out.println("policygen sandbox: Route 53 API  " + ports.apiUrl() + "   (--endpoint-url, AWS_ENDPOINT_URL_ROUTE_53)");
        out.println("policygen sandbox: proxy         " + ports.proxyUrl() + "   (HTTPS_PROXY; CONNECT to Route 53 only)");
        out.println("policygen sandbox: CA            " + ports.caCertificate() + "   (AWS_CA_BUNDLE)");
        out.println("policygen sandbox: DNS           127.0.0.1:" + ports.dns() + "   (UDP and TCP)");
        out.flush();
    }
}
