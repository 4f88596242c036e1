package dev.policygen.eval.chain;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.Decision;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.PolicyEvaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Combines the policy types of one principal as AWS's evaluation logic does for a request without a
 * resource-based policy (UG reference_policies_evaluation-logic): an explicit Deny in any policy of
 * any type wins; otherwise every RCP level, every SCP level, the identity policies, the permissions
 * boundary and the session policy must each allow, and the first one that does not is an implicit
 * deny. Each type is evaluated by the one {@link PolicyEvaluator}, so each names its deciding statements.
 */
public final class LayeredEvaluator {
    private final List<LayeredPolicies.Layer> layers;

    public LayeredEvaluator(LayeredPolicies policies) {
        this.layers = policies.layers();
    }

    public LayeredEvaluation evaluate(AccessRequest request) {
        List<LayerResult> results = evaluateEach(layers, request);
        for (LayerResult result : results) {
            if (result.evaluation().decision() == Decision.EXPLICIT_DENY) {
                return new LayeredEvaluation(Decision.EXPLICIT_DENY, results, Optional.of(result));
            }
        }
        for (LayerResult result : results) {
            if (!result.evaluation().decision().allowed()) {
                return new LayeredEvaluation(Decision.IMPLICIT_DENY, results, Optional.of(result));
            }
        }
        return new LayeredEvaluation(Decision.ALLOWED, results, Optional.empty());
    }

    /** Each layer's own evaluation, in order; the chain combines them with its own rules. */
    static List<LayerResult> evaluateEach(List<LayeredPolicies.Layer> layers, AccessRequest request) {
        List<LayerResult> results = new ArrayList<>(layers.size());
        for (LayeredPolicies.Layer layer : layers) {
            Evaluation evaluation = new PolicyEvaluator(layer.policies()).evaluate(request);
            results.add(new LayerResult(layer.type(), layer.name(), evaluation));
        }
        return results;
    }
}
