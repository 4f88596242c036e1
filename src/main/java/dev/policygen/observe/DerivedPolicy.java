package dev.policygen.observe;

import dev.policygen.generate.CallStatements;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;

/**
 * The least-privilege policy for exactly the calls observed, in the canonical form generate writes,
 * so that a run of a profiled client derives the very policy generate gives for it.
 */
public final class DerivedPolicy {
    private DerivedPolicy() {
    }

    public static PolicyDocument of(Observation observation) {
        return PolicyDocument.of(CallStatements.forCalls(observation.grants()));
    }

    public static String json(Observation observation) {
        return PolicyWriter.pretty(of(observation));
    }
}
