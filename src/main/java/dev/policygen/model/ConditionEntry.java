package dev.policygen.model;

import dev.policygen.SourcePosition;

/** One {@code key: values} pair inside a condition operator block. */
public record ConditionEntry(String key, ValueList values, SourcePosition keyPosition) {

    public static ConditionEntry of(String key, ValueList values) {
        return new ConditionEntry(key, values, SourcePosition.UNKNOWN);
    }
}
