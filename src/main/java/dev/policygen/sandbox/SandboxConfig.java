package dev.policygen.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox's settings as a person gives them, on the command line ({@code policygen sandbox} and
 * {@code observe}) or in a config file ({@link SandboxConfigFile}), under one set of names: the
 * config file's members. A null (an empty collection) is "not given". {@link #applyTo} is the one
 * mapping of these settings onto a {@link SandboxBuilder}; what is given replaces what the builder
 * had and zones, credentials and policies add to it, so a config file applied first and the
 * command line applied on top of it lets the command line win.
 *
 * @param zones hosted zone names to ids; a null id gets a stable one derived from the name
 * @param credentials access key ids to secrets
 */
public record SandboxConfig(Map<String, String> zones, Map<String, String> credentials, List<Path> policies,
        String principalArn, Integer apiPort, Integer proxyPort, Integer dnsPort, Path stateDir, Path callLog,
        Path portsFile, Long seed, Long insyncDelayMillis, Integer throttlePerSecond,
        Double priorRequestNotCompleteRate, Double serverErrorRate, Long latencyMillis,
        Boolean legacyInvalidChangeBatch) {

    public SandboxConfig {
        // zone ids may be null, so not Map.copyOf
        zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
        credentials = Collections.unmodifiableMap(new LinkedHashMap<>(credentials));
        policies = List.copyOf(policies);
    }

    /** A setting whose value the sandbox refuses; {@code name} is the setting's (the config file's member). */
    public static final class InvalidSetting extends IllegalArgumentException {
        private final String name;

        InvalidSetting(String name, IllegalArgumentException cause) {
            super(cause.getMessage(), cause);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** Sets what is given on the builder; a value the builder refuses is an {@link InvalidSetting}. */
    public void applyTo(SandboxBuilder builder) {
        zones.forEach((name, id) -> check("zones", () -> builder.zone(name, id)));
        credentials.forEach(builder::credentials);
        policies.forEach(builder::policy);
        if (principalArn != null) {
            check("principalArn", () -> builder.principalArn(principalArn));
        }
        if (apiPort != null) {
            check("ports", () -> builder.apiPort(apiPort));
        }
        if (proxyPort != null) {
            check("ports", () -> builder.proxyPort(proxyPort));
        }
        if (dnsPort != null) {
            check("ports", () -> builder.dnsPort(dnsPort));
        }
        if (insyncDelayMillis != null) {
            check("insyncDelayMillis", () -> builder.insyncDelay(Duration.ofMillis(insyncDelayMillis)));
        }
        if (seed != null) {
            builder.seed(seed);
        }
        if (throttlePerSecond != null || priorRequestNotCompleteRate != null || serverErrorRate != null
                || latencyMillis != null) {
            // the faults go together: one given leaves the others at none, whatever was set before
            check("faults", () -> builder.faults(new FaultSettings(throttlePerSecond == null ? 0 : throttlePerSecond,
                    priorRequestNotCompleteRate == null ? 0 : priorRequestNotCompleteRate,
                    serverErrorRate == null ? 0 : serverErrorRate,
                    Duration.ofMillis(latencyMillis == null ? 0 : latencyMillis))));
        }
        if (stateDir != null) {
            builder.stateDir(stateDir);
        }
        if (callLog != null) {
            builder.callLog(callLog);
        }
        if (portsFile != null) {
            builder.portsFile(portsFile);
        }
        if (legacyInvalidChangeBatch != null) {
            builder.legacyInvalidChangeBatch(legacyInvalidChangeBatch);
        }
    }

    private static void check(String name, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(name, e);
        }
    }
}
