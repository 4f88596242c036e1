package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue §4's baseline and issue 5's renew benchmark in one run, on one Pebble and the same sandbox
 * set-up: Route 53 calls per certificate (from the sandbox's call log) and issuance wall time, for
 * lego (zone discovery and AWS_HOSTED_ZONE_ID), certbot and policygen renew (zone id in the config and
 * zone discovery), for 1 name and for 10 names, each under its generated policy; then 100
 * certificates in one renew run against a sandbox that throttles Route 53 at 5 requests per second.
 * Not a test (its name keeps surefire from picking it up); bench/acme-clients.sh runs it and writes
 * the tables to target/bench/acme-clients.md. The renew targets are checked after the tables are
 * written, so a missed target still leaves its numbers.
 */
class AcmeClientsBench {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final String RENEW_ZONE_ID = "policygen renew (zone id in config)";
    static final String RENEW_DISCOVERY = "policygen renew (zone discovery)";

    @TempDir
    Path directory;

    @Test
    void measure() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int many = Integer.getInteger("bench.many", 100);
        // bench.clients=policygen skips the slow lego and certbot rows while working on renew
        Set<String> clients = Set.copyOf(Arrays.asList(System.getProperty("bench.clients", "lego,certbot,policygen")
                .split(",")));
        int dnsPort = PolicySandbox.freeDnsPort();
        StringBuilder table = new StringBuilder("| Client | Names | Runs | Route 53 calls per certificate | "
                + "Calls by action (per certificate) | Wall time median (min–max) |\n|---|---|---|---|---|---|\n");
        Map<String, BenchRow> rows = new LinkedHashMap<>();
        String manyTable = "";
        ManyCertificates.Result manyResult = null;
        ManyCertificates.Result floorResult = null;
        try (PebbleServer pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort)) {
            ClientProofs proofs = new ClientProofs(directory, dnsPort, Map.of(RenewBed.ZONE, ZONE_ID));
            // bench.rows=false leaves only the many-certificate run (bench/fleet.sh)
            List<Integer> rowNames = Boolean.parseBoolean(System.getProperty("bench.rows", "true")) ? List.of(1, 10)
                    : List.of();
            for (int names : rowNames) {
                List<String> domains = domains(names);
                for (String client : List.of("lego", "lego (AWS_HOSTED_ZONE_ID)", "certbot", RENEW_ZONE_ID,
                        RENEW_DISCOVERY)) {
                    if (!clients.contains(client.split(" ")[0])) {
                        continue;
                    }
                    BenchRow row = client.startsWith("policygen")
                            ? RenewBenchRows.row(client, domains, runs, proofs, pebble,
                                    client.equals(RENEW_ZONE_ID))
                            : BenchRow.measure(client, names, runs, proofs, clientRun(client, pebble, domains),
                                    clientPolicy(client, domains));
                    System.err.print(row.markdown()); // progress: a row takes up to a few minutes
                    table.append(row.markdown());
                    rows.put(client + "/" + names, row);
                }
            }
            if (many > 0 && clients.contains("policygen")) {
                ManyCertificates fleet = new ManyCertificates(pebble, dnsPort, many);
                StringBuilder text = new StringBuilder(ManyCertificates.Result.header());
                // bench.floor=false leaves out the pass with Route 53 answering instantly (the ACME-only floor);
                // it runs first, so a Pebble slowed by the earlier pass's orders costs the throttled pass
                if (Boolean.parseBoolean(System.getProperty("bench.floor", "true"))) {
                    floorResult = fleet.run(directory.resolve("floor"), true, "f");
                    text.append(floorResult.markdown());
                    System.err.print(floorResult.markdown());
                }
                manyResult = fleet.run(directory.resolve("many"), false, "c");
                text.append(manyResult.markdown());
                System.err.print(manyResult.markdown());
                manyTable = text.toString();
            }
        }
        String targets = RenewTargets.report(rows, manyResult, floorResult);
        System.err.print(targets);
        Path out = Path.of("target/bench/acme-clients.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + (manyTable.isEmpty() ? "" : "\n" + manyTable) + "\n" + targets,
                StandardCharsets.UTF_8);
        RenewTargets.check(rows, manyResult, floorResult);
    }

    private static ClientProofs.Client clientRun(String client, PebbleServer pebble, List<String> domains) {
        boolean zoneId = client.contains("ZONE_ID");
        return client.startsWith("lego") ? new LegoRun(pebble, domains, zoneId ? ZONE_ID : null)::run
                : new CertbotRun(pebble, domains)::run;
    }

    private static PolicyDocument clientPolicy(String client, List<String> domains) throws Exception {
        List<String> options = new ArrayList<>(List.of("--client", client.split(" ")[0], "--zone", ZONE_ID));
        options.addAll(ProofPolicies.domainOptions(domains));
        if (client.contains("ZONE_ID")) {
            options.add("--zone-id-configured");
        }
        return ProofPolicies.generate(options.toArray(String[]::new));
    }

    /** One name (the apex), or the apex and nine hosts below it: one authorization each. */
    static List<String> domains(int count) {
        List<String> domains = new ArrayList<>(List.of("example.test"));
        for (int i = 1; i < count; i++) {
            domains.add("host" + i + ".example.test");
        }
        return domains;
    }

    /** Calls by action without the route53: prefix, in name order. */
    static Map<String, Integer> byAction(List<ObservedCall> calls) {
        Map<String, Integer> byAction = new TreeMap<>();
        for (ObservedCall call : calls) {
            byAction.merge(call.action() == null ? "(unnamed)" : call.action().replace("route53:", ""), 1,
                    Integer::sum);
        }
        return byAction;
    }

    static void assertNoDenial(IssuanceResult result) {
        assertTrue(result.issued(), result.describe());
        assertEquals(List.of(), result.deniedCalls(), "denied under the generated policy:\n" + result.describe());
    }
}
