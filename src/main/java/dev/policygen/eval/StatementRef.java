package dev.policygen.eval;

import dev.policygen.model.Effect;
import java.util.Optional;

/**
 * Names one statement for explanations: which policy (0-based index and its name, usually the
 * file), which statement in it (0-based), its Sid if any, and its effect.
 */
public record StatementRef(int policyIndex, String policyName, int statementIndex, Optional<String> sid,
        Effect effect) {

    /** For example {@code policy.json statement 2 (Sid AllowTxt, Allow)}. */
    public String describe() {
        return policyName + " statement " + statementIndex
                + sid.map(s -> " (Sid " + s + ", " + effect.json() + ")").orElse(" (" + effect.json() + ")");
    }
}
