package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
     * The fleet pass's policy: the documents `policygen generate ... --split` writes for renew's own
     * command line (checked as above), as one document for the sandbox (IAM judges a principal's policies
     * statement by statement, so the union is the same grant). Past about 160 names in one zone the zone's
     * names are in several statements (name groups, docs/design/name-groups.md), each document within a
     * managed policy's 6,144 characters; renew's guard holds the same groups ({@link RenewPolicy#document()}
     * must grant exactly these statements), and renew sends one change per group.
     */
    static PolicyDocument fleetPolicy(PolicygenRenewRun run, List<String> domains) throws Exception {
        RenewConfig config = RenewConfigReader.read(run.config(Path.of("/unused")), "bench config", true);
        RenewPolicy policy = RenewPolicy.of(config, List.of());
        List<String> options = new ArrayList<>(List.of("--client", RenewPolicy.CLIENT, "--zone-id-configured"));
        for (String domain : domains) {
            options.add("--domain");
            options.add(domain + "=" + AcmeClientsBench.ZONE_ID);
        }
        String line = "policygen generate " + String.join(" ", options);
        if (policy.commandLine().endsWith(" --split")) {
            options.add("--split");
            line += " --split";
        }
        assertEquals(policy.commandLine(), line);
        Path dir = Files.createTempDirectory("fleet-policy");
        options.addAll(List.of("-o", dir.resolve("renew.json").toString()));
        List<String> arguments = new ArrayList<>(List.of("generate"));
        arguments.addAll(options);
        CliRun generated = CliRun.of(arguments.toArray(String[]::new));
        assertEquals(0, generated.exit(), generated.err());
        List<Statement> statements = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                assertTrue(Files.size(file) > 0 && PolicyWriter.size(PolicyReader.read(Files.readString(file),
                        file.toString())) <= SizeLimit.MANAGED.characters(), file.toString());
                statements.addAll(PolicyReader.read(Files.readString(file), file.toString()).statements());
                Files.delete(file);
            }
        }
        Files.delete(dir);
        PolicyDocument union = PolicyDocument.of(statements);
        assertEquals(texts(policy.document()), texts(union), "renew's guard judges with the statements generate writes");
        return union;
    }

    private static Set<String> texts(PolicyDocument document) {
        Set<String> texts = new TreeSet<>();
        for (Statement statement : document.statements()) {
            texts.add(PolicyWriter.minified(PolicyDocument.of(List.of(statement))));
        }
        return texts;
    }
}
