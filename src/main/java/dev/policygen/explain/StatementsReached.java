package dev.policygen.explain;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.eval.StatementRef;
import java.util.ArrayList;
import java.util.List;

/**
 * For a change batch whose records the input does not carry (an error text): the statements whose Action and
 * Resource reach the call, so the user knows which conditions to compare with the records the client wrote.
 * The decision itself cannot be given: without the record keys, {@code ForAllValues} conditions hold vacuously
 * and plain ones fail, so evaluating would mislead either way (docs/design/iam-semantics.md, missing keys and ForAllValues).
 */
final class StatementsReached {
    private StatementsReached() {
    }

    static List<StatementRef> of(List<CompiledPolicy> policies, String action, String resource) {
        Evaluation evaluation = new PolicyEvaluator(policies).evaluate(
                new AccessRequest(action, resource, RequestContext.of(List.of())));
        List<StatementRef> reached = new ArrayList<>(evaluation.applied());
        for (Mismatch mismatch : evaluation.notApplied()) {
            if (mismatch.element() == Mismatch.Element.CONDITION) {
                reached.add(mismatch.statement());
            }
        }
        reached.sort((a, b) -> a.policyIndex() != b.policyIndex() ? Integer.compare(a.policyIndex(), b.policyIndex())
                : Integer.compare(a.statementIndex(), b.statementIndex()));
        return reached;
    }
}
