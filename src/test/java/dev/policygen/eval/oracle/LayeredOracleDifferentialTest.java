package dev.policygen.eval.oracle;


import dev.policygen.eval.chain.LayeredEvaluator;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Differential test of {@link LayeredEvaluator} (identity policies under a permissions boundary and SCP
 * levels) against @cloud-copilot/iam-simulate, run as src/test/oracle/layered-driver.js like
 * {@link OracleDifferentialTest}. {@code -Doracle.layered.seed=N}, {@code -Doracle.layered.cases=N}.
 */
class LayeredOracleDifferentialTest {
    private static final long DEFAULT_SEED = 20261206L;
    private static final int SHOWN = 10;

    @Test
    void agreesWithIamSimulateUnderBoundariesAndScps() throws Exception {
        OracleRun run = OracleRun.require("layered-driver.js");
        long seed = Long.getLong("oracle.layered.seed", DEFAULT_SEED);
        int count = Integer.getInteger("oracle.layered.cases", 100_000);
        Disagreements disagreements = new Disagreements(run.knownDifferences(), SHOWN);
        long start = System.nanoTime();
        Map<String, Integer> decisions = new TreeMap<>();
        int workers = OracleRun.workers();
        List<OracleProcess> oracles = new ArrayList<>();
        try {
            for (int k = 0; k < workers; k++) {
                OracleProcess oracle = OracleProcess.start(run.driver(), run.oracleDir());
                oracles.add(oracle);
                oracle.send(lines(new LayeredCaseGenerator(seed), count, k, workers));
            }
            LayeredCaseGenerator mirror = new LayeredCaseGenerator(seed);
            for (int i = 0; i < count; i++) {
                LayeredCaseGenerator.LayeredCase c = mirror.next();
                String theirs = decision(oracles.get(i % workers).nextAnswer(), c);
                String ours = new LayeredEvaluator(c.policies()).evaluate(c.pair().request()).decision().json();
                decisions.merge(ours, 1, Integer::sum);
                if (ours.equals(theirs)) {
                    continue;
                }
                disagreements.add(DifferenceFeatures.of(c.allPolicies()), ours, theirs, () -> "case " + c.pair().id()
                        + ": policygen " + ours + ", iam-simulate " + theirs + "\n" + c.describe());
            }
        } finally {
            for (OracleProcess oracle : oracles) {
                oracle.close();
            }
        }
        System.out.printf("layered oracle differential test: seed=%d cases=%d in %.1f s, decisions %s,"
                + " %d unexplained, excused %s%n", seed, count, (System.nanoTime() - start) / 1e9, decisions,
                disagreements.unexplained(), disagreements.excused());
        disagreements.assertNoneUnexplained(seed);
    }

    private static Iterator<String> lines(LayeredCaseGenerator generator, int count, int worker, int workers) {
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                while (index < count && index % workers != worker) {
                    generator.next();
                    index++;
                }
                return index < count;
            }

            @Override
            public String next() {
                hasNext();
                index++;
                return generator.next().toJsonLine();
            }
        };
    }

    private static String decision(String answer, LayeredCaseGenerator.LayeredCase c) throws Exception {
        JsonNode.JsonObject object = (JsonNode.JsonObject) JsonReader.read(answer, "oracle");
        long id = Long.parseLong(((JsonNode.JsonNumber) object.get("id").orElseThrow()).text());
        if (id != c.pair().id()) {
            throw new IllegalStateException("oracle answered case " + id + " when " + c.pair().id() + " was expected");
        }
        if (object.get("error").isPresent()) {
            throw new IllegalStateException("iam-simulate failed on case " + id + ": "
                    + ((JsonNode.JsonString) object.get("error").get()).value() + "\n" + c.describe());
        }
        return ((JsonNode.JsonString) object.get("decision").orElseThrow()).value();
    }
}
