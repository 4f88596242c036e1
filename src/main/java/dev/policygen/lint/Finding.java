package dev.policygen.lint;

import dev.policygen.SourcePosition;
import java.util.Comparator;

/** One problem found in one file, at the position of the element it is about. */
public record Finding(String ruleId, Severity severity, String file, SourcePosition position, String message) {

    /** File, then line, then column, then rule: the order compilers print in. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file)
            .thenComparingInt((Finding f) -> f.position().line())
            .thenComparingInt(f -> f.position().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);
}
