package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One row of the ACME clients benchmark: a client issuing one certificate for some names, N times. */
record BenchRow(String client, int names, int runs, List<Integer> calls, Map<String, Integer> byAction,
        List<Long> millis) {

    /** Runs the client {@code runs} times, each in a fresh sandbox enforcing {@code policy}. */
    static BenchRow measure(String client, int names, int runs, ClientProofs proofs, ClientProofs.Client run,
            PolicyDocument policy) throws Exception {
        List<Long> millis = new ArrayList<>();
        List<Integer> calls = new ArrayList<>();
        Map<String, Integer> byAction = null;
        for (int i = 0; i < runs; i++) {
            IssuanceResult result = proofs.run(run, policy, sandbox -> { });
            assertTrue(result.issued(), result.describe());
            if (client.startsWith("policygen")) {
                AcmeClientsBench.assertNoDenial(result);
            }
            millis.add(result.wallTime().toMillis());
            calls.add(result.calls().size());
            if (byAction == null) {
                byAction = AcmeClientsBench.byAction(result.calls());
            }
        }
        return new BenchRow(client, names, runs, calls, byAction, millis);
    }

    long median() {
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }

    int count(String action) {
        return byAction.getOrDefault(action, 0);
    }

    String markdown() {
        List<Long> sorted = millis.stream().sorted().toList();
        String callText = calls.stream().distinct().count() == 1 ? String.valueOf(calls.get(0))
                : calls.stream().min(Integer::compare).get() + "–" + calls.stream().max(Integer::compare).get();
        return "| " + client + " | " + names + " | " + runs + " | " + callText + " | " + byAction + " | "
                + seconds(median()) + " s (" + seconds(sorted.get(0)) + "–" + seconds(sorted.get(sorted.size() - 1))
                + ") |\n";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
