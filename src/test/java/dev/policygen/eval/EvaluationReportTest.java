package dev.policygen.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The text explanation of simulate: what it lists, and that it stays linear in the statements that apply. */
class EvaluationReportTest {
    private static final AccessRequest REQUEST = new AccessRequest("route53:GetChange", "*", RequestContext.of(List.of()));

    @Test
    void denyDecidesAndTheAllowsAreOverridden() {
        Evaluation evaluation = new Evaluation(Decision.EXPLICIT_DENY,
                List.of(ref(0, Effect.ALLOW), ref(1, Effect.DENY), ref(2, Effect.ALLOW)), List.of());
        String text = EvaluationReport.text(REQUEST, evaluation);
        assertTrue(text.contains("Denied by:\n  p.json statement 1 (Deny)\n"
                + "Overridden: p.json statement 0 (Allow)\nOverridden: p.json statement 2 (Allow)\n"), text);
    }

    /**
     * 300k applying statements, half Deny, half Allow: one pass writes the text in well under a second;
     * looking each applied statement up in the list of deciding ones (4.5e10 record comparisons) takes
     * minutes, so this timeout fails the quadratic version and never a linear one.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void threeHundredThousandApplyingStatementsAreExplainedInOnePass() {
        List<StatementRef> applied = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            applied.add(ref(i, i % 2 == 0 ? Effect.ALLOW : Effect.DENY));
        }
        String text = EvaluationReport.text(REQUEST, new Evaluation(Decision.EXPLICIT_DENY, applied, List.of()));
        int overridden = 0;
        for (int at = text.indexOf("Overridden: "); at >= 0; at = text.indexOf("Overridden: ", at + 1)) {
            overridden++;
        }
        assertEquals(150_000, overridden);
    }

    private static StatementRef ref(int index, Effect effect) {
        return new StatementRef(0, "p.json", index, Optional.empty(), effect);
    }
}
