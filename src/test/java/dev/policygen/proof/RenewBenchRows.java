package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyDocument;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The policygen renew rows of the ACME clients benchmark, under the policy renew itself runs under. */
final class RenewBenchRows {
    private RenewBenchRows() {
    }

    /** Each run registers an account of its own ({@link PolicygenRenewRun}), as lego and certbot do. */
    static BenchRow row(String client, List<String> domains, int runs, ClientProofs proofs, PebbleServer pebble,
            boolean zoneIdGiven) throws Exception {
        PolicygenRenewRun run = new PolicygenRenewRun(pebble, Map.of("bench", domains),
                zoneIdGiven ? AcmeClientsBench.ZONE_ID : null);
        return BenchRow.measure(client, domains.size(), runs, proofs, run::run,
                policy(run, domains, zoneIdGiven ? List.of() : List.of(RenewBed.ZONE + "=" + AcmeClientsBench.ZONE_ID)));
    }

    /**
     * The policy `policygen generate --client policygen` makes for the run's config: the zone ids
     * the config gives on the domains, else the discovered zones as --zone. The options are checked
     * against the command line renew itself names for that config, so the sandbox enforces exactly
     * the policy renew runs under.
     */
    static PolicyDocument policy(PolicygenRenewRun run, List<String> domains, List<String> discovered)
            throws Exception {
        List<String> options = new ArrayList<>(List.of("--client", RenewPolicy.CLIENT));
        if (discovered.isEmpty()) {
            options.add("--zone-id-configured");
        }
        for (String zone : discovered) {
            options.add("--zone");
            options.add(zone);
        }
        for (String domain : domains) {
            options.add("--domain");
            options.add(discovered.isEmpty() ? domain + "=" + AcmeClientsBench.ZONE_ID : domain);
        }
        RenewConfig config = RenewConfigReader.read(run.config(Path.of("/unused")), "bench config", true);
        List<ZoneRef> zones = new ArrayList<>();
        for (String zone : discovered) {
            zones.add(ZoneRef.parse(zone));
        }
        assertEquals(RenewPolicy.of(config, zones).commandLine(), "policygen generate " + String.join(" ", options));
        return ProofPolicies.generate(options.toArray(String[]::new));
    }

    /**
     * The fleet pass's policy: what renew's own --policy guard evaluates ({@link RenewPolicy#document()}),
     * the statements `policygen generate` writes for the same command line (checked as above). generate
     * itself refuses it past about 160 names in one zone (1,000 names: 36,584 characters): renew changes every name of a zone in one batch,
     * so the names cannot be split across documents, and the statement outgrows IAM's size limits (6,144
     * characters managed, 10,240 inline). The sandbox enforces no size limit, so the bench still runs
     * under exactly those statements.
     */
    static PolicyDocument fleetPolicy(PolicygenRenewRun run, List<String> domains) throws Exception {
        RenewConfig config = RenewConfigReader.read(run.config(Path.of("/unused")), "bench config", true);
        RenewPolicy policy = RenewPolicy.of(config, List.of());
        List<String> options = new ArrayList<>(List.of("--client", RenewPolicy.CLIENT, "--zone-id-configured"));
        for (String domain : domains) {
            options.add("--domain");
            options.add(domain + "=" + AcmeClientsBench.ZONE_ID);
        }
        assertEquals(policy.commandLine(), "policygen generate " + String.join(" ", options));
        return policy.document();
    }
}
