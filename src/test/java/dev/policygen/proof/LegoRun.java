package dev.policygen.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One `lego run` (Debian's lego 4.9.1, route53 provider) against Pebble through the sandbox
 * (docs/design/local-e2e.md §6.2). lego's own DNS lookups (SOA walk, CNAME walk, the one recursive TXT check)
 * go to the sandbox's DNS server; --dns.disable-cp is safe there because that server is the
 * authority and answers from the same store the API writes. GetChange is polled every second and
 * given up after 3 s: the sandbox reports INSYNC at once, so only a denied GetChange ever waits.
 */
final class LegoRun {
    private static final Duration LIMIT = Duration.ofSeconds(150);

    private final PebbleServer pebble;
    private final List<String> domains;
    private final String hostedZoneId;
    private final ClientCredentials credentials;

    /** @param hostedZoneId the AWS_HOSTED_ZONE_ID to give lego, or null to let it discover the zone */
    LegoRun(PebbleServer pebble, List<String> domains, String hostedZoneId) {
        this(pebble, domains, hostedZoneId, ClientCredentials.STATIC_KEYS);
    }

    /** As above, with lego's identity from {@code credentials} (a role setup) instead of the static keys. */
    LegoRun(PebbleServer pebble, List<String> domains, String hostedZoneId, ClientCredentials credentials) {
        this.pebble = pebble;
        this.domains = List.copyOf(domains);
        this.hostedZoneId = hostedZoneId;
        this.credentials = credentials;
    }

    IssuanceResult run(PolicySandbox sandbox, Path directory) throws Exception {
        Path lego = RequiredProgram.locate("lego");
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(lego.toString(), "--server", pebble.directoryUrl(),
                "--accept-tos", "--email", "proof@example.com", "--path", directory.resolve(".lego").toString(),
                "--dns", "route53", "--dns.resolvers", "127.0.0.1:" + sandbox.ports().dns(), "--dns.disable-cp"));
        for (String domain : domains) {
            command.add("-d");
            command.add(domain);
        }
        command.add("run");
        Map<String, String> environment = ClientEnvironment.isolated(directory, sandbox.ports());
        environment.put("LEGO_CA_CERTIFICATES", pebble.tlsCaFile().toString());
        environment.put("AWS_POLLING_INTERVAL", "1");
        environment.put("AWS_PROPAGATION_TIMEOUT", "3");
        if (hostedZoneId != null) {
            environment.put("AWS_HOSTED_ZONE_ID", hostedZoneId);
        }
        ClientCredentials.apply(environment, credentials.settings(sandbox, directory));
        ClientProcess.Outcome outcome = ClientProcess.run(command, environment, directory, LIMIT);
        // lego names the files after the first domain, with a wildcard's '*' as '_'
        Path chain = directory.resolve(".lego/certificates/" + domains.get(0).replace('*', '_') + ".crt");
        return new IssuanceResult("lego", outcome, sandbox.callLog(),
                ObservedCall.read(sandbox.callLog()),
                Files.exists(chain) ? chain : null);
    }
}
