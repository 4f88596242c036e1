package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One `certbot certonly --dns-route53` (Debian's certbot 2.1.0 and its plugin) against Pebble through
 * the sandbox (docs/design/local-e2e.md §7). It runs under Debian's /usr/bin/python3, the only interpreter that
 * can import the plugin and boto3 (a pyenv python3 on PATH cannot), with every directory in the run's
 * own temp dir so nothing touches /etc/letsencrypt.
 */
final class CertbotRun {
    private static final Duration LIMIT = Duration.ofSeconds(150);
    private static final Path PLUGIN = Path.of("/usr/lib/python3/dist-packages/certbot_dns_route53");

    private final PebbleServer pebble;
    private final List<String> domains;
    private final ClientCredentials credentials;
    private final List<String> extra;

    CertbotRun(PebbleServer pebble, List<String> domains) {
        this(pebble, domains, ClientCredentials.STATIC_KEYS, List.of());
    }

    /** As above, with certbot's identity from {@code credentials} (a role setup) instead of the static keys. */
    CertbotRun(PebbleServer pebble, List<String> domains, ClientCredentials credentials) {
        this(pebble, domains, credentials, List.of());
    }

    /** With {@code extra} arguments after the others, such as a --deploy-hook. */
    CertbotRun(PebbleServer pebble, List<String> domains, List<String> extra) {
        this(pebble, domains, ClientCredentials.STATIC_KEYS, extra);
    }

    private CertbotRun(PebbleServer pebble, List<String> domains, ClientCredentials credentials, List<String> extra) {
        this.pebble = pebble;
        this.domains = List.copyOf(domains);
        this.credentials = credentials;
        this.extra = List.copyOf(extra);
    }

    IssuanceResult run(PolicySandbox sandbox, Path directory) throws Exception {
        Path python = RequiredProgram.locate("/usr/bin/python3");
        Path certbot = RequiredProgram.locate("/usr/bin/certbot");
        requirePlugin();
        Files.createDirectories(directory);
        List<String> command = new ArrayList<>(List.of(python.toString(), certbot.toString(), "certonly",
                "--non-interactive", "--agree-tos", "-m", "proof@example.com", "--no-eff-email",
                "--server", pebble.directoryUrl(),
                "--config-dir", directory.resolve("config").toString(),
                "--work-dir", directory.resolve("work").toString(),
                "--logs-dir", directory.resolve("logs").toString(),
                "--cert-name", "proof", "--dns-route53"));
        for (String domain : domains) {
            command.add("-d");
            command.add(domain);
        }
        command.addAll(extra);
        Map<String, String> environment = ClientEnvironment.isolated(directory, sandbox.ports());
        environment.put("REQUESTS_CA_BUNDLE", pebble.tlsCaFile().toString());
        ClientCredentials.apply(environment, credentials.settings(sandbox, directory));
        ClientProcess.Outcome outcome = ClientProcess.run(command, environment, directory, LIMIT);
        Path chain = directory.resolve("config/live/proof/fullchain.pem");
        return new IssuanceResult("certbot", outcome, sandbox.callLog(),
                ObservedCall.read(sandbox.callLog()),
                Files.exists(chain) ? chain : null);
    }

    private static void requirePlugin() {
        if (!Files.isDirectory(PLUGIN)) {
            String message = "python3-certbot-dns-route53 is not installed; run src/test/setup/acme-clients.sh";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
    }
}
