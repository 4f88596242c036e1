package dev.policygen.eval.chain;

import dev.policygen.eval.Evaluation;

/** One policy of one type evaluated on its own, with the statements that decided it. */
public record LayerResult(PolicyType type, String policyName, Evaluation evaluation) {
}
