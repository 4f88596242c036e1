package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One `policygen renew` run as its own process, like the lego and certbot runs of the benchmark:
 * a fresh config, state directory and files destinations, so every certificate really issues; the
 * JVM start is part of the wall time. It runs on this JVM's class path with the launcher's JVM flags
 * (./policygen runs renew the same way, from the full jar) and talks to the sandbox's plain HTTP API
 * through --aws-endpoint, with the sandbox's static example keys.
 */
final class PolicygenRenewRun {
    /** The JVM flags of ./policygen: start-up over peak speed. */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xss1m");
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final Duration LIMIT_PER_CERTIFICATE = Duration.ofSeconds(5);

    private final PebbleServer pebble;
    /** Certificate name to its domains. */
    private final Map<String, List<String>> certificates;
    private final String zoneId;
    /** JVM options before the launcher's class path (a GC log, say) and renew options after its own. */
    private final List<String> jvmOptions;
    private final List<String> renewOptions;

    /** @param zoneId the zone id every certificate's config gives, or null to let renew discover the zone */
    PolicygenRenewRun(PebbleServer pebble, Map<String, List<String>> certificates, String zoneId) {
        this(pebble, certificates, zoneId, List.of(), List.of());
    }

    PolicygenRenewRun(PebbleServer pebble, Map<String, List<String>> certificates, String zoneId,
            List<String> jvmOptions, List<String> renewOptions) {
        this.pebble = pebble;
        this.certificates = new LinkedHashMap<>(certificates);
        this.zoneId = zoneId;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.renewOptions = List.copyOf(renewOptions);
    }

    /** The renew config: the run's account, Pebble, and per certificate its domains, zone and files destination. */
    String config(Path directory) {
        StringBuilder text = new StringBuilder("accountKey: file://").append(accountKey(directory)).append('\n')
                .append("directory: ").append(pebble.directoryUrl()).append('\n').append("certificates:\n");
        certificates.forEach((name, domains) -> {
            text.append("  ").append(name).append(":\n    domains: [").append(String.join(", ", domains)).append("]\n");
            if (zoneId != null) {
                text.append("    zones: {").append(RenewBed.ZONE).append(": ").append(zoneId).append("}\n");
            }
            text.append("    destinations:\n      - files: {dir: ").append(directory.resolve("certs").resolve(name))
                    .append("}\n");
        });
        return text.toString();
    }

    /**
     * Registers the run's own account (before the timed process), writes the config and runs renew.
     * An account per run, as lego and certbot have: Pebble may hand a later order of the same names a
     * valid authorization of the same account, which would make a run with no challenge at all.
     */
    IssuanceResult run(PolicySandbox sandbox, Path directory) throws Exception {
        Files.createDirectories(directory);
        CliRun register = RenewBed.run("register", "--email", "ops@example.com", "--account-key",
                "file://" + accountKey(directory), "--directory", pebble.directoryUrl(), "--acme-ca",
                pebble.tlsCaFile().toString(), "--agree-tos");
        assertEquals(0, register.exit(), register.all());
        Path config = directory.resolve("renew.yaml");
        Files.writeString(config, config(directory), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(LAUNCHER_FLAGS);
        // extra JVM options for looking into a run (a class-load log, say); none in the recorded numbers
        String extra = System.getProperty("bench.renew.jvm", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.policygen.cli.Main", "renew",
                "--config", config.toString(), "--acme-ca", pebble.tlsCaFile().toString(),
                "--aws-endpoint", sandbox.ports().apiUrl(), "--state-dir", directory.resolve("state").toString(),
                "--force-issue"));
        command.addAll(renewOptions);
        Map<String, String> environment = ClientEnvironment.keysOnly(directory);
        ClientProcess.Outcome outcome = ClientProcess.run(command, environment, directory,
                LIMIT.plus(LIMIT_PER_CERTIFICATE.multipliedBy(certificates.size())));
        Path chain = directory.resolve("certs").resolve(certificates.keySet().iterator().next())
                .resolve("fullchain.pem");
        return new IssuanceResult("policygen renew", outcome, sandbox.callLog(), ObservedCall.read(sandbox.callLog()),
                Files.exists(chain) ? chain : null);
    }

    private static Path accountKey(Path directory) {
        return directory.resolve("account.pem");
    }

    /** How many of the certificates have a full chain in their files destination after a run. */
    long delivered(Path directory) {
        return certificates.keySet().stream()
                .filter(name -> Files.exists(directory.resolve("certs").resolve(name).resolve("fullchain.pem")))
                .count();
    }
}
