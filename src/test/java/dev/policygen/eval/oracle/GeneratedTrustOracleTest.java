package dev.policygen.eval.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.eval.chain.Hop;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property test of every trust policy {@code generate --runtime} writes (issue 11, "Done when"): for seeded
 * random valid requests of each runtime (ec2, ecs-task, lambda, eks-irsa, eks-pod-identity, github-actions,
 * role with and without an external id) and of the DNS-account role of {@code --dns-account}
 * ({@link DnsAccountProbes}), the trust policy the identity package builds is put to the intended caller, which
 * must be allowed, and to near misses (another service account, namespace, cluster, repository, ref or
 * environment, account, role, service; a missing or wrong external id; a wrong audience; for the DNS-account
 * role also the workload account's root, a web identity, a service, and a workload role whose own policy lacks
 * sts:AssumeRole on it), which must be denied, by iam-simulate (out of process, src/test/oracle/chain-driver.js)
 * and by policygen's chain evaluator alike. The DNS-account role's callers hold the generated workload policy,
 * so the caller's side of that cross-account assumption is decided too. {@code -Doracle.roles.seed=N},
 * {@code -Doracle.roles.requests=N} (default 1800, 200 per kind).
 *
 * <p>Adding an identity kind: write one more {@link RuntimeProbeKinds.Kind} in {@link RuntimeProbeKinds#ALL}
 * that builds the request with the identity package and lists its probes with {@link RoleProbes.Builder}
 * (with the caller's own identity policies when they are part of what is generated).
 */
class GeneratedTrustOracleTest {
    private static final long DEFAULT_SEED = 20261206L;
    private static final int SHOWN = 10;

    @Test
    void generatedTrustAdmitsExactlyTheIntendedCaller() throws Exception {
        OracleRun run = OracleRun.require("chain-driver.js");
        long seed = Long.getLong("oracle.roles.seed", DEFAULT_SEED);
        int requests = Integer.getInteger("oracle.roles.requests", 1800);
        RoleProbeCases counter = new RoleProbeCases(seed);
        int count = 0;
        while (counter.requests() < requests) {
            counter.next();
            count++;
        }
        int probes = count;
        long start = System.nanoTime();
        Map<String, Integer> byKind = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int failed = 0;
        RoleProbeCases generator = new RoleProbeCases(seed);
        try (OracleWorkers<RoleProbeCases.ProbeCase> oracles = OracleWorkers.start(run.driver(), run.oracleDir(), probes,
                generator::next, c -> c.chain().toJsonLine())) {
            for (int i = 0; i < probes; i++) {
                RoleProbeCases.ProbeCase c = oracles.nextCase();
                List<String> theirs = TrustChainOracleDifferentialTest.decisions(oracles.answerFor(i), c.chain());
                List<String> ours = new ArrayList<>();
                for (Hop hop : c.chain().evaluate()) {
                    ours.add(hop.decision().json());
                }
                boolean oursAllowed = ours.get(ours.size() - 1).equals("allowed");
                boolean theirsAllowed = theirs.get(theirs.size() - 1).equals("allowed");
                byKind.merge(c.kind() + (c.probe().admitted() ? " admitted" : " denied"), 1, Integer::sum);
                if (ours.equals(theirs) && oursAllowed == c.probe().admitted() && theirsAllowed == c.probe().admitted()) {
                    continue;
                }
                if (failed++ < SHOWN) {
                    failures.add(c.kind() + ": " + c.probe().who() + " must be " + (c.probe().admitted() ? "allowed"
                            : "denied") + "; policygen " + ours + ", iam-simulate " + theirs + "\n  generate "
                            + c.request() + "\n  caller " + c.chain().callerArn() + " sends " + c.probe().sent()
                            + "\n  trust " + JsonWriter.minified(c.chain().trust())
                            + (c.probe().callerPolicies().isPresent() ? "\n  caller policies "
                                    + c.chain().callerIdentity().stream().map(JsonWriter::minified).toList() : ""));
                }
            }
        }
        System.out.printf("generated trust oracle test: seed=%d requests=%d probes=%d in %.1f s, %s, %d failed%n",
                seed, requests, probes, (System.nanoTime() - start) / 1e9, byKind, failed);
        int failures2 = failed;
        assertEquals(0, failures2, () -> failures2 + " probes where a generated trust policy admits the wrong"
                + " caller or the evaluators disagree (seed " + seed + "), first ones:\n" + String.join("\n", failures));
    }
}
