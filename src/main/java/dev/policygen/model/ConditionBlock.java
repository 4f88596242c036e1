package dev.policygen.model;

import dev.policygen.SourcePosition;
import java.util.List;

/** One operator of a Condition element with its keys; every key must match (AND). */
public record ConditionBlock(ConditionOperator operator, List<ConditionEntry> entries, SourcePosition position) {

    public ConditionBlock {
        entries = List.copyOf(entries);
    }

    public static ConditionBlock of(ConditionOperator operator, ConditionEntry... entries) {
        return new ConditionBlock(operator, List.of(entries), SourcePosition.UNKNOWN);
    }
}
