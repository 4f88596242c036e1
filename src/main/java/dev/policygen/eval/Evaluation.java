package dev.policygen.eval;

import dev.policygen.model.Effect;
import java.util.List;

/**
 * The decision with its explanation: every statement that applied to the request (the deciding ones
 * are those whose effect produced the decision) and, for every other statement, why not.
 */
public record Evaluation(Decision decision, List<StatementRef> applied, List<Mismatch> notApplied) {

    public Evaluation {
        applied = List.copyOf(applied);
        notApplied = List.copyOf(notApplied);
    }

    /** The Deny statements behind an explicit deny, or the Allow statements behind an allow; else empty. */
    public List<StatementRef> deciding() {
        Effect effect = switch (decision) {
            case EXPLICIT_DENY -> Effect.DENY;
            case ALLOWED -> Effect.ALLOW;
            case IMPLICIT_DENY -> null;
        };
        return effect == null ? List.of() : applied.stream().filter(s -> s.effect() == effect).toList();
    }
}
