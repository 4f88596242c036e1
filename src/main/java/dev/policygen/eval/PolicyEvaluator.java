package dev.policygen.eval;

import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.route53.Arn;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates identity policies together, as AWS does for one principal (UG
 * reference_policies_evaluation-logic): an applying Deny in any policy wins, otherwise an applying
 * Allow allows, otherwise the request is implicitly denied.
 */
public final class PolicyEvaluator {
    private final List<CompiledPolicy> policies;

    public PolicyEvaluator(List<CompiledPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /** Compiles documents named policy-0, policy-1, ...; for tests and callers without file names. */
    public static PolicyEvaluator of(List<PolicyDocument> documents) {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            compiled.add(CompiledPolicy.compile(documents.get(i), i, "policy-" + i));
        }
        return new PolicyEvaluator(compiled);
    }

    public Evaluation evaluate(AccessRequest request) {
        Arn resourceArn = Arn.parse(request.resource());
        List<StatementRef> applied = new ArrayList<>(4);
        List<Mismatch> notApplied = new ArrayList<>();
        boolean allowed = false;
        boolean denied = false;
        for (CompiledPolicy policy : policies) {
            for (CompiledStatement statement : policy.statements()) {
                Mismatch mismatch = statement.mismatch(request, resourceArn);
                if (mismatch != null) {
                    notApplied.add(mismatch);
                    continue;
                }
                applied.add(statement.ref());
                if (statement.ref().effect() == Effect.DENY) {
                    denied = true;
                } else {
                    allowed = true;
                }
            }
        }
        Decision decision = denied ? Decision.EXPLICIT_DENY : allowed ? Decision.ALLOWED : Decision.IMPLICIT_DENY;
        return new Evaluation(decision, applied, notApplied);
    }
}
