package dev.policygen.proof;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a client run gets its AWS identity from, as the environment settings it reads: the sandbox's
 * static keys (the default of {@link ClientEnvironment#isolated}), or a role setup's web-identity
 * token file, AWS config profile or role ARN ({@link RoleSetup}). Settings given here replace the
 * static keys, so a role run can never fall back to them.
 */
@FunctionalInterface
interface ClientCredentials {
    /** The sandbox's static keys, unchanged. */
    ClientCredentials STATIC_KEYS = (sandbox, runDirectory) -> Map.of();

    /** The settings for one run; an empty map keeps the static keys. */
    Map<String, String> settings(PolicySandbox sandbox, Path runDirectory) throws Exception;

    /** Applies the settings to a run's environment: the static keys go when any setting is given. */
    static void apply(Map<String, String> environment, Map<String, String> settings) {
        if (settings.isEmpty()) {
            return;
        }
        environment.remove("AWS_ACCESS_KEY_ID");
        environment.remove("AWS_SECRET_ACCESS_KEY");
        environment.putAll(settings);
    }
}
