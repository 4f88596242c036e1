package dev.policygen.eval.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.Decision;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.RequestOptions;
import dev.policygen.generate.SizeLimit;
import dev.policygen.json.JsonNode;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Stop 18's gap (issue 13), judged by iam-simulate as well as policygen's evaluator: the seven documents
 * {@code generate --client policygen --split} writes for 1,000 one-name certificates in one zone allow each
 * group's whole batch (renew's DELETE and CREATE of every name of the group), and deny a batch mixing two
 * groups (IAM judges each statement alone), a name not configured, and an UPSERT.
 */
class NameGroupsOracleTest {
    private static final HostedZoneId ZONE = new HostedZoneId("Z11111112222222333333");
    private static final long SEED = Long.getLong("groups.oracle.seed", 20261206L);

    private record Probe(String what, List<RecordChange> changes, boolean allowed) {
    }

    @Test
    void eachGroupsBatchIsAllowedAndAMixedBatchDeniedByBothEvaluators() throws Exception {
        OracleRun run = OracleRun.require("driver.js");
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            hosts.add("c" + i + ".example.com");
        }
        List<NamedDocument> documents = PolicyPackager.pack(PolicyGenerator.generate(new RequestOptions("policygen")
                .zoneIdConfigured(true).zones(List.of("example.com=" + ZONE.id())).domains(hosts).builder().build()),
                SizeLimit.MANAGED, false, true);
        List<JsonNode> policies = new ArrayList<>();
        List<List<String>> groups = new ArrayList<>();
        for (NamedDocument document : documents) {
            policies.add(PolicyWriter.toJson(document.document()));
            for (Statement statement : document.document().statements()) {
                for (ConditionBlock block : statement.conditions()) {
                    for (ConditionEntry entry : block.entries()) {
                        if (entry.key().equals(Route53Names.KEY_NAMES)) {
                            groups.add(entry.values().texts());
                        }
                    }
                }
            }
        }
        assertEquals(7, groups.size());

        List<Probe> probes = new ArrayList<>();
        for (List<String> group : groups) {
            List<RecordChange> batch = new ArrayList<>();
            for (String name : group) {
                batch.add(new RecordChange("DELETE", "TXT", name));
                batch.add(new RecordChange("CREATE", "TXT", name));
            }
            probes.add(new Probe("the group of " + group.get(0), batch, true));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < 40; i++) {
            int a = random.nextInt(groups.size());
            int b = (a + 1 + random.nextInt(groups.size() - 1)) % groups.size();
            String first = groups.get(a).get(random.nextInt(groups.get(a).size()));
            String second = groups.get(b).get(random.nextInt(groups.get(b).size()));
            probes.add(new Probe("groups " + a + " and " + b, List.of(new RecordChange("CREATE", "TXT", first),
                    new RecordChange("CREATE", "TXT", second)), false));
        }
        probes.add(new Probe("a name not configured", List.of(new RecordChange("CREATE", "TXT",
                "_acme-challenge.c1000.example.com")), false));
        probes.add(new Probe("the apex", List.of(new RecordChange("CREATE", "TXT", "_acme-challenge.example.com")), false));
        probes.add(new Probe("an UPSERT", List.of(new RecordChange("UPSERT", "TXT", groups.get(0).get(0))), false));

        List<String> failures = new ArrayList<>();
        try (OracleProcess oracle = OracleProcess.start(run.driver(), run.oracleDir())) {
            List<OraclePair> pairs = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                AccessRequest request = ChangeBatch.request(Partition.AWS, ZONE, probes.get(i).changes(), List.of());
                OraclePair pair = new OraclePair(i, policies, request.action(), request.resource(),
                        new ArrayList<>(request.context().values()));
                pairs.add(pair);
                lines.add(pair.toJsonLine());
            }
            oracle.send(lines.iterator());
            for (int i = 0; i < probes.size(); i++) {
                OraclePair pair = pairs.get(i);
                boolean theirs = Decision.fromJson(OracleDifferentialTest.oracleDecision(oracle.nextAnswer(), pair))
                        .allowed();
                boolean ours = pair.evaluator().evaluate(pair.request()).decision().allowed();
                if (theirs != probes.get(i).allowed() || ours != probes.get(i).allowed()) {
                    failures.add(probes.get(i).what() + ": must be " + (probes.get(i).allowed() ? "allowed" : "denied")
                            + "; policygen " + ours + ", iam-simulate " + theirs);
                }
            }
        }
        System.out.printf("name groups oracle test: %d probes over %d documents, %d failed%n", probes.size(),
                documents.size(), failures.size());
        assertEquals(List.of(), failures);
    }
}
