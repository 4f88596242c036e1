package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline numbers of issue §4: Route 53 calls per certificate (from the sandbox's call log)
 * and issuance wall time, for lego (zone discovery and AWS_HOSTED_ZONE_ID) and certbot, for 1 name
 * and for 10 names, each under its generated policy against Pebble and the sandbox. Not a test (its
 * name keeps surefire from picking it up); bench/acme-clients.sh runs it and writes the table to
 * target/bench/acme-clients.md.
 */
class AcmeClientsBench {
    static final String ZONE_ID = "Z0EXAMPLETEST";

    @TempDir
    Path directory;

    @Test
    void measure() throws Exception {
        int runs = Integer.getInteger("bench.runs", 3);
        int dnsPort = PolicySandbox.freeDnsPort();
        StringBuilder table = new StringBuilder("| Client | Names | Runs | Route 53 calls per certificate | "
                + "Calls by action (per certificate) | Wall time median (min–max) |\n|---|---|---|---|---|---|\n");
        try (PebbleServer pebble = PebbleServer.start(directory.resolve("pebble"), dnsPort)) {
            ClientProofs proofs = new ClientProofs(directory, dnsPort, Map.of("example.test", ZONE_ID));
            for (int names : List.of(1, 10)) {
                List<String> domains = domains(names);
                for (String client : List.of("lego", "lego (AWS_HOSTED_ZONE_ID)", "certbot")) {
                    boolean zoneId = client.contains("ZONE_ID");
                    List<String> options = new ArrayList<>(List.of("--client", client.split(" ")[0], "--zone", ZONE_ID));
                    options.addAll(ProofPolicies.domainOptions(domains));
                    if (zoneId) {
                        options.add("--zone-id-configured");
                    }
                    PolicyDocument policy = ProofPolicies.generate(options.toArray(String[]::new));
                    ClientProofs.Client run = client.startsWith("lego")
                            ? new LegoRun(pebble, domains, zoneId ? ZONE_ID : null)::run
                            : new CertbotRun(pebble, domains)::run;
                    String row = row(client, names, runs, proofs, run, policy);
                    System.err.print(row); // progress: a row takes up to a few minutes
                    table.append(row);
                }
            }
        }
        Path out = Path.of("target/bench/acme-clients.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
    }

    private static String row(String client, int names, int runs, ClientProofs proofs, ClientProofs.Client run,
            PolicyDocument policy) throws Exception {
        List<Long> millis = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        Map<String, Integer> byAction = new TreeMap<>();
        for (int i = 0; i < runs; i++) {
            IssuanceResult result = proofs.run(run, policy, sandbox -> { });
            assertTrue(result.issued(), result.describe());
            millis.add(result.wallTime().toMillis());
            calls.add(result.calls().size());
            if (i == 0) {
                for (ObservedCall call : result.calls()) {
                    byAction.merge(call.action().replace("route53:", ""), 1, Integer::sum);
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        String callText = calls.stream().distinct().count() == 1 ? String.valueOf(calls.get(0))
                : calls.stream().min(Integer::compare).get() + "–" + calls.stream().max(Integer::compare).get();
        return "| " + client + " | " + names + " | " + runs + " | " + callText + " | " + byAction + " | "
                + seconds(sorted.get(sorted.size() / 2)) + " s (" + seconds(sorted.get(0)) + "–"
                + seconds(sorted.get(sorted.size() - 1)) + ") |\n";
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** One name (the apex), or the apex and nine hosts below it: one authorization each. */
    static List<String> domains(int count) {
        List<String> domains = new ArrayList<>(List.of("example.test"));
        for (int i = 1; i < count; i++) {
            domains.add("host" + i + ".example.test");
        }
        return domains;
    }
}
