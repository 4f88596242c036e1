package dev.policygen.eval.oracle;

import dev.policygen.eval.Decision;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test against @cloud-copilot/iam-simulate, an independent evaluator (AGPL-3.0, run
 * only as a separate node process that src/test/oracle/install.sh installs). Seeded random Route 53
 * pairs go through both; every disagreement must be a documented known difference.
 *
 * <p>{@code -Doracle.seed=N} and {@code -Doracle.pairs=N} (default 100000) reproduce or resize a
 * run; {@code -Doracle.dir=DIR} points at the install. Without node or the package the test
 * fails (src/test/setup/oracle.sh installs them).
 */
class OracleDifferentialTest {
    private static final long DEFAULT_SEED = 20261121L;
    private static final int SHOWN = 15;

    @Test
    void agreesWithIamSimulateOnRandomRoute53Pairs() throws Exception {
        OracleRun run = OracleRun.require("driver.js");
        long seed = Long.getLong("oracle.seed", DEFAULT_SEED);
        int pairs = Integer.getInteger("oracle.pairs", 100_000);
        Disagreements disagreements = new Disagreements(run.knownDifferences(), SHOWN);
        System.out.printf("oracle differential test: seed=%d pairs=%d (rerun with -Doracle.seed=%d)%n", seed, pairs, seed);

        long start = System.nanoTime();
        // one node process per core, each fed every n-th pair by its own copy of the generator
        int workers = OracleRun.workers();
        List<OracleProcess> oracles = new ArrayList<>();
        try {
            for (int k = 0; k < workers; k++) {
                OracleProcess oracle = OracleProcess.start(run.driver(), run.oracleDir());
                oracles.add(oracle);
                oracle.send(lines(new Route53PairGenerator(seed), pairs, k, workers));
            }
            Route53PairGenerator mirror = new Route53PairGenerator(seed);
            for (int i = 0; i < pairs; i++) {
                OraclePair pair = mirror.next();
                String theirs = oracleDecision(oracles.get(i % workers).nextAnswer(), pair);
                String ours = pair.evaluator().evaluate(pair.request()).decision().json();
                if (ours.equals(theirs)) {
                    continue;
                }
                disagreements.add(DifferenceFeatures.of(pair), ours, theirs, () -> "pair " + pair.id() + ": policygen "
                        + ours + ", iam-simulate " + theirs + "\n" + pair.describe());
            }
        } finally {
            for (OracleProcess oracle : oracles) {
                oracle.close();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("oracle differential test: %d pairs in %.1f s, %d unexplained disagreements, excused %s%n",
                pairs, seconds, disagreements.unexplained(), disagreements.excused());
        disagreements.assertNoneUnexplained(seed);
    }

    /** The JSON lines of pairs {@code worker, worker + workers, ...} below {@code count}. */
    private static Iterator<String> lines(Route53PairGenerator generator, int count, int worker, int workers) {
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

    static String oracleDecision(String answer, OraclePair pair) throws Exception {
        JsonNode.JsonObject object = (JsonNode.JsonObject) JsonReader.read(answer, "oracle");
        long id = Long.parseLong(((JsonNode.JsonNumber) object.get("id").orElseThrow()).text());
        if (id != pair.id()) {
            throw new IllegalStateException("oracle answered pair " + id + " when " + pair.id() + " was expected");
        }
        if (object.get("error").isPresent()) {
            throw new IllegalStateException("iam-simulate failed on pair " + pair.id() + ": "
                    + ((JsonNode.JsonString) object.get("error").get()).value() + "\n" + pair.describe());
        }
        String decision = ((JsonNode.JsonString) object.get("decision").orElseThrow()).value();
        return Decision.fromJson(decision).json();
    }
}
