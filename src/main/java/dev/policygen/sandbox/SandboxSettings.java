package dev.policygen.sandbox;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@link SandboxBuilder} collected, fixed when the sandbox is built; {@link RunningSandbox}
 * starts from it. Null stands for "none": no state directory (a temporary one), no call log, no
 * console, no HTTPS port, no upstream.
 *
 * @param zones hosted zone names to ids, a null id for a stable one derived from the name
 * @param credentials the accepted key pairs in the order given; empty for AWS's example pair
 * @param identities the accounts, roles and OIDC issuer behind the STS emulation
 */
record SandboxSettings(int apiPort, int proxyPort, int dnsPort, Integer httpsPort, Map<String, String> zones,
        Map<String, String> credentials, List<Path> policies, String principalArn, Path stateDir, Path callLog,
        Path portsFile, FaultSettings faults, Duration insyncDelay, long seed, PrintWriter console,
        boolean legacyInvalidChangeBatch, URI forwardTo, Path forwardCa, AwsSeed awsSeed, Clock clock,
        IdentitySettings identities) {
}
