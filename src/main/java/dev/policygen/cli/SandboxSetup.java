package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.sandbox.SandboxConfig;
import dev.policygen.sandbox.SandboxConfigFile;
import dev.policygen.sandbox.SandboxPorts;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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
    static SandboxBuilder configure(SandboxOptions options, Path config, PrintWriter console)
            throws UsageException, InputException {
        SandboxBuilder builder = Sandbox.builder().console(console);
        if (config != null) {
            SandboxConfigFile.apply(config, builder);
        }
        try {
            given(options).applyTo(builder);
        } catch (SandboxConfig.InvalidSetting e) {
            if (e.name().equals("zones")) {
                throw new UsageException(String.valueOf(options.zones), "--zone: " + e.getMessage());
            }
            throw new UsageException("", e.getMessage());
        }
        return builder;
    }

    /** The options as the sandbox's settings; null where an option was not given, so a config file's value stays. */
    private static SandboxConfig given(SandboxOptions options) throws UsageException {
        Map<String, String> zones = new LinkedHashMap<>();
        for (String zone : options.zones) {
            int equals = zone.indexOf('=');
            zones.put(equals < 0 ? zone : zone.substring(0, equals), equals < 0 ? null : zone.substring(equals + 1));
        }
        if ((options.accessKeyId == null) != (options.secretAccessKey == null)) {
            throw new UsageException("--access-key-id", "--access-key-id and --secret-access-key go together");
        }
        Map<String, String> credentials = options.accessKeyId == null ? Map.of()
                : Map.of(options.accessKeyId, options.secretAccessKey);
        return new SandboxConfig(zones, credentials, options.policies, options.principalArn, options.apiPort,
                options.proxyPort, options.dnsPort, options.stateDir, options.callLog, options.portsFile, options.seed,
                options.insyncDelayMillis == null ? null
                        : SandboxOptions.nonNegative(options.insyncDelayMillis, "--insync-delay"),
                options.throttlePerSecond, options.priorRequestNotCompleteRate, options.serverErrorRate,
                options.latencyMillis == null ? null : SandboxOptions.nonNegative(options.latencyMillis, "--latency"),
                options.legacyInvalidChangeBatch ? Boolean.TRUE : null);
    }

    static void printPorts(PrintWriter out, SandboxPorts ports) {
        out.println("policygen sandbox: Route 53 API  " + ports.apiUrl() + "   (--endpoint-url, AWS_ENDPOINT_URL_ROUTE_53)");
        out.println("policygen sandbox: proxy         " + ports.proxyUrl() + "   (HTTPS_PROXY; CONNECT to Route 53 only)");
        out.println("policygen sandbox: CA            " + ports.caCertificate() + "   (AWS_CA_BUNDLE)");
        out.println("policygen sandbox: DNS           127.0.0.1:" + ports.dns() + "   (UDP and TCP)");
        out.flush();
    }
}
