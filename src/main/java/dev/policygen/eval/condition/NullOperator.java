package dev.policygen.eval.condition;

import java.util.List;

/**
 * Null tests presence only: {@code "true"} matches an absent key, {@code "false"} a present one
 * (an empty multivalued key counts as present). Any other value never matches. A set qualifier
 * in front of Null changes nothing (Access Analyzer flags it as NULL_WITH_QUALIFIER).
 */
public final class NullOperator {
    private final boolean acceptsAbsent;
    private final boolean acceptsPresent;

    private NullOperator(boolean acceptsAbsent, boolean acceptsPresent) {
        this.acceptsAbsent = acceptsAbsent;
        this.acceptsPresent = acceptsPresent;
    }

    public static NullOperator compile(List<String> values) {
        boolean absent = false;
        boolean present = false;
        for (String value : values) {
            absent |= value.equalsIgnoreCase("true");
            present |= value.equalsIgnoreCase("false");
        }
        return new NullOperator(absent, present);
    }

    public boolean matches(boolean keyPresent) {
        return keyPresent ? acceptsPresent : acceptsAbsent;
    }
}
