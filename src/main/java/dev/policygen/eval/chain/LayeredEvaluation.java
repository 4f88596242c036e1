package dev.policygen.eval.chain;

import dev.policygen.eval.Decision;
import java.util.List;

/**
 * The combined decision and, for every policy that took part, its own evaluation. {@code decidedBy}
 * is the layer that produced the decision: the first explicit deny, else the first layer that did not
 * allow, else empty (every layer allowed).
 */
public record LayeredEvaluation(Decision decision, List<LayerResult> layers, java.util.Optional<LayerResult> decidedBy) {

    public LayeredEvaluation {
        layers = List.copyOf(layers);
    }
}
