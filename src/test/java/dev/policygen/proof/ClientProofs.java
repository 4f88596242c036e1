package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygen.model.PolicyDocument;
import dev.policygen.sandbox.RecordSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The proofs every real client goes through, shared by the per-client test classes: sufficient
 * (issues under exactly the generated policy, and the certificate verifies), exact (its calls are
 * the ones its profile declares) and minimal (without any one grant it is denied that grant).
 */
final class ClientProofs {
    /** Runs the client once against a sandbox; the directory is the run's own. */
    @FunctionalInterface
    interface Client {
        IssuanceResult run(PolicySandbox sandbox, Path directory) throws Exception;
    }

    private final Path directory;
    private final int dnsPort;
    private final Map<String, String> zones;
    private final AtomicInteger runs = new AtomicInteger();

    /** @param zones the sandbox's hosted zones, name to id */
    ClientProofs(Path directory, int dnsPort, Map<String, String> zones) {
        this.directory = directory;
        this.dnsPort = dnsPort;
        this.zones = Map.copyOf(zones);
    }

    /** Setup the zone owner did before the client runs (a delegation CNAME, say). */
    @FunctionalInterface
    interface ZoneSetup {
        void apply(PolicySandbox sandbox) throws Exception;
    }

    IssuanceResult run(Client client, PolicyDocument policy, ZoneSetup setup) throws Exception {
        Path runDirectory = directory.resolve("run-" + runs.incrementAndGet());
        try (PolicySandbox sandbox = PolicySandbox.start(runDirectory.resolve("sandbox"), dnsPort, zones, policy)) {
            setup.apply(sandbox);
            return client.run(sandbox, runDirectory);
        }
    }

    /** Sufficient and exact in one run: issues, verifies, no denial, and calls == the profile's. */
    IssuanceResult assertSufficientAndExact(Client client, PolicyDocument policy, PebbleServer pebble,
            List<String> domains, Set<CallShape> declared) throws Exception {
        return assertSufficientAndExact(client, policy, sandbox -> { }, pebble, domains, declared);
    }

    IssuanceResult assertSufficientAndExact(Client client, PolicyDocument policy, ZoneSetup setup,
            PebbleServer pebble, List<String> domains, Set<CallShape> declared) throws Exception {
        IssuanceResult result = run(client, policy, setup);
        assertTrue(result.issued(), "no certificate under the generated policy:\n" + result.describe());
        assertEquals(List.of(), result.deniedCalls(), "denied under the generated policy:\n" + result.describe());
        ChainVerifier.assertValid(result.certificateChain(), pebble, domains);
        assertSameShapes(declared, result);
        return result;
    }

    static void assertSameShapes(Set<CallShape> declared, IssuanceResult result) {
        Set<CallShape> observed = new TreeSet<>();
        for (ObservedCall call : result.calls()) {
            observed.addAll(CallShape.of(call));
        }
        Set<CallShape> undeclared = new TreeSet<>(observed);
        undeclared.removeAll(declared);
        Set<CallShape> unobserved = new TreeSet<>(declared);
        unobserved.removeAll(observed);
        if (!undeclared.isEmpty() || !unobserved.isEmpty()) {
            fail(result.client() + "'s Route 53 calls differ from its profile.\n  made but not declared: "
                    + undeclared + "\n  declared but not made: " + unobserved + "\n" + result.describe());
        }
    }

    /**
     * Without the grant the client must be denied a call that grant covers, and must fail. A client
     * that is denied only its clean-up (lego and certbot log that and exit 0 with the certificate)
     * fails differently: its challenge records stay in the zone, which the proof checks instead.
     */
    void assertMinimal(Client client, PolicyDocument policy, PolicyGrant grant, ZoneSetup setup,
            Set<String> challengeZoneIds) throws Exception {
        PolicyDocument reduced = grant.removeFrom(policy);
        Path runDirectory = directory.resolve("run-" + runs.incrementAndGet());
        try (PolicySandbox sandbox = PolicySandbox.start(runDirectory.resolve("sandbox"), dnsPort, zones, reduced)) {
            setup.apply(sandbox);
            IssuanceResult result = client.run(sandbox, runDirectory);
            List<ObservedCall> denied = result.deniedCalls();
            assertTrue(denied.stream().anyMatch(grant::matches), grant + ": no denied call needed that grant "
                    + "(so the grant is not needed):\n" + result.describe());
            if (result.outcome().exitCode() != 0) {
                assertFalse(result.outcome().timedOut(), grant + ": the client hung:\n" + result.describe());
                return;
            }
            assertTrue(denied.stream().allMatch(call -> call.changeActions().equals(List.of("DELETE"))),
                    grant + ": the client succeeded although a call other than its clean-up was denied:\n"
                            + result.describe());
            int leftover = 0;
            for (String zoneId : challengeZoneIds) {
                for (RecordSet set : sandbox.txtSets(zoneId)) {
                    leftover += set.name().startsWith("_acme-challenge.") ? 1 : 0;
                }
            }
            assertTrue(leftover > 0, grant + ": clean-up was denied but no challenge record was left:\n"
                    + result.describe());
        }
    }
}
