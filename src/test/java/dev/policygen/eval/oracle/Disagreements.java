package dev.policygen.eval.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The tally every differential test keeps of where policygen and iam-simulate disagree: a disagreement a
 * documented known difference explains is excused (counted by feature), any other one fails the test, the first
 * few described in its message.
 */
final class Disagreements {
    private final KnownDifferences known;
    private final int shown;
    private final Map<String, Integer> excused = new TreeMap<>();
    private final List<String> described = new ArrayList<>();
    private int unexplained;

    /** @param shown how many unexplained disagreements the failure message describes */
    Disagreements(KnownDifferences known, int shown) {
        this.known = known;
        this.shown = shown;
    }

    /** policygen decided {@code ours}, iam-simulate {@code theirs} on a case with these features. */
    void add(List<String> features, String ours, String theirs, Supplier<String> description) {
        var entry = known.explain(features, ours, theirs);
        if (entry.isPresent()) {
            excused.merge(entry.get().feature(), 1, Integer::sum);
        } else if (unexplained++ < shown) {
            described.add(description.get());
        }
    }

    int unexplained() {
        return unexplained;
    }

    /** Known difference feature to how many disagreements it excused. */
    Map<String, Integer> excused() {
        return excused;
    }

    /** Fails the test when any disagreement is unexplained, naming the seed that reproduces the run. */
    void assertNoneUnexplained(long seed) {
        assertEquals(0, unexplained, () -> unexplained + " disagreements with iam-simulate (seed " + seed
                + "), first ones:\n" + String.join("\n", described));
    }
}
