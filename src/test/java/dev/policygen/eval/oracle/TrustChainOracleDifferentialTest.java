package dev.policygen.eval.oracle;


import dev.policygen.eval.chain.ChainEvaluator;
import dev.policygen.eval.chain.Hop;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link ChainEvaluator} against @cloud-copilot/iam-simulate (issue 11, "Simulate across
 * the chain"): seeded random trust policies, callers of every kind, caller policies, boundaries and SCPs, the
 * role account's RCPs, and the request made as the role under its own boundary, SCPs and session policy
 * ({@link TrustChainGenerator}). src/test/oracle/chain-driver.js evaluates each hop as its own simulation and
 * stops at the first denied one, as the chain does; every hop's decision must agree.
 * {@code -Doracle.trust.seed=N}, {@code -Doracle.trust.cases=N} (default 100,000).
 */
class TrustChainOracleDifferentialTest {
    private static final long DEFAULT_SEED = 20261206L;
    private static final int SHOWN = 10;

    @Test
    void agreesWithIamSimulateHopByHop() throws Exception {
        OracleRun run = OracleRun.require("chain-driver.js");
        long seed = Long.getLong("oracle.trust.seed", DEFAULT_SEED);
        int count = Integer.getInteger("oracle.trust.cases", 100_000);
        Disagreements disagreements = new Disagreements(run.knownDifferences(), SHOWN);
        long start = System.nanoTime();
        Map<String, Integer> decisions = new TreeMap<>();
        TrustChainGenerator generator = new TrustChainGenerator(seed);
        try (OracleWorkers<ChainCase> oracles = OracleWorkers.start(run.driver(), run.oracleDir(), count, generator::next,
                ChainCase::toJsonLine)) {
            for (int i = 0; i < count; i++) {
                ChainCase c = oracles.nextCase();
                List<String> theirs = decisions(oracles.answerFor(i), c);
                List<String> ours = new ArrayList<>();
                for (Hop hop : c.evaluate()) {
                    ours.add(hop.decision().json());
                }
                decisions.merge(kindOf(c, ours), 1, Integer::sum);
                if (ours.equals(theirs)) {
                    continue;
                }
                int hop = firstDifference(ours, theirs);
                String mine = hop < ours.size() ? ours.get(hop) : "(no hop)";
                String oracle = hop < theirs.size() ? theirs.get(hop) : "(no hop)";
                disagreements.add(c.features(), mine, oracle, () -> "case " + c.id() + " hop " + (hop + 1)
                        + ": policygen " + ours + ", iam-simulate " + theirs + "\n" + c.describe());
            }
        }
        System.out.printf("trust chain oracle differential test: seed=%d cases=%d in %.1f s, decisions %s,"
                + " %d unexplained, excused %s%n", seed, count, (System.nanoTime() - start) / 1e9, decisions,
                disagreements.unexplained(), disagreements.excused());
        disagreements.assertNoneUnexplained(seed);
    }

    /** "KIND: decision at the hop that decided" (or "KIND: allowed"), for the figures. */
    private static String kindOf(ChainCase c, List<String> hops) {
        String last = hops.get(hops.size() - 1);
        String where = last.equals("allowed") ? "" : hops.size() == 1 ? " at assume" : hops.size() == 2
                && c.assumeContext().stream().anyMatch(v -> v.key().startsWith("aws:RequestTag/")) ? " at tag-session"
                : " at request";
        return c.kind().name().toLowerCase() + ": " + last + where;
    }

    private static int firstDifference(List<String> ours, List<String> theirs) {
        int i = 0;
        while (i < ours.size() && i < theirs.size() && ours.get(i).equals(theirs.get(i))) {
            i++;
        }
        return i;
    }

    static List<String> decisions(String answer, ChainCase c) throws Exception {
        JsonNode.JsonObject object = (JsonNode.JsonObject) JsonReader.read(answer, "oracle");
        long id = Long.parseLong(((JsonNode.JsonNumber) object.get("id").orElseThrow()).text());
        if (id != c.id()) {
            throw new IllegalStateException("oracle answered case " + id + " when " + c.id() + " was expected");
        }
        if (object.get("error").isPresent()) {
            throw new IllegalStateException("iam-simulate failed on case " + id + ": "
                    + ((JsonNode.JsonString) object.get("error").get()).value() + "\n" + c.describe());
        }
        List<String> decisions = new ArrayList<>();
        for (JsonNode d : ((JsonNode.JsonArray) object.get("decisions").orElseThrow()).elements()) {
            decisions.add(((JsonNode.JsonString) d).value());
        }
        return decisions;
    }
}
