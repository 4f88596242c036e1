package dev.policygen.aws;

import java.util.List;
import java.util.Optional;

/**
 * One ValidatePolicy finding as Access Analyzer reported it: its own type and issue code are kept so
 * that reports can name them exactly.
 *
 * @param findingType ERROR, SECURITY_WARNING, WARNING or SUGGESTION (or a type added later)
 */
public record AnalyzerFinding(String findingType, String issueCode, String details, Optional<String> learnMoreLink,
        List<Location> locations) {

    /**
     * Where a finding points: the path through the policy's JSON and, when given, the start of the span
     * in the submitted text exactly as Access Analyzer numbers it (line 1-based, column 0-based).
     */
    public record Location(List<PathStep> path, Optional<TextPoint> start) {
    }

    /** A line (1-based) and column (0-based) in the submitted policy text. */
    public record TextPoint(int line, int column) {
    }

    /** One step of a location path. */
    public sealed interface PathStep {
        /** The value of the object member with this name. */
        record Value(String name) implements PathStep {
        }

        /** The name of an object member itself, such as a condition key. */
        record Key(String name) implements PathStep {
        }

        /** An array element. */
        record Index(int index) implements PathStep {
        }

        /** Part of a string value, such as the service in an action. */
        record Substring(int start, int length) implements PathStep {
        }
    }
}
