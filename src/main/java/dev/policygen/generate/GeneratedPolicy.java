package dev.policygen.generate;

import dev.policygen.model.Statement;
import dev.policygen.profile.ClientProfile;
import java.util.List;
import java.util.Optional;

/**
 * The generator's result before packaging into documents: the Allow statements, the optional
 * network Deny, and an explanation per statement.
 */
public record GeneratedPolicy(ClientProfile profile, List<Statement> allow, Optional<Statement> deny,
        List<Explanation> explanations) {
    public GeneratedPolicy {
        allow = List.copyOf(allow);
        explanations = List.copyOf(explanations);
    }

    /** The record change statements may have their name lists split; see {@link PolicyPackager}. */
    public boolean namesSplittable() {
        return profile.changes().oneNamePerBatch() || profile.changes().batchesPerStatement();
    }
}
