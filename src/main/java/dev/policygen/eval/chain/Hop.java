package dev.policygen.eval.chain;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.Decision;
import java.util.List;
import java.util.Optional;

/**
 * One request of a chain with its decision, every policy that took part, the one that decided
 * ({@code decidedBy}, empty when all allowed) and why, in words ({@code rule}).
 */
public record Hop(String name, AccessRequest request, Decision decision, List<LayerResult> layers,
        Optional<LayerResult> decidedBy, String rule) {

    public Hop {
        layers = List.copyOf(layers);
    }
}
