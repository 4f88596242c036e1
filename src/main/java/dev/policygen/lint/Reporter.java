package dev.policygen.lint;

import dev.policygen.SourcePosition;
import java.util.List;

/** Collects the findings of one rule on one policy, adding what every finding shares. */
public final class Reporter {
    private final Rule rule;
    private final LintedPolicy policy;
    private final List<Finding> sink;

    Reporter(Rule rule, LintedPolicy policy, List<Finding> sink) {
        this.rule = rule;
        this.policy = policy;
        this.sink = sink;
    }

    /**
     * Reports at {@code position}. A policy embedded as a string has every position pointing at that
     * string, so the message names where in the file the policy came from.
     */
    public void report(SourcePosition position, String message) {
        SourcePosition at = position.known() ? position : policy.position();
        // the origin is the input's own text (a Terraform address may hold a newline): one line as well
        String where = policy.origin().isEmpty() ? "" : " [" + oneLine(policy.origin()) + "]";
        sink.add(new Finding(rule.id(), rule.severity(), policy.file(), at, oneLine(message) + where));
    }

    /**
     * Parser messages (SnakeYAML's especially) span lines and draw carets; a finding is one line in
     * text output, and the position already says where.
     */
    private static String oneLine(String message) {
        String withoutSnippets = message.strip().replaceAll("(?s)\\s*in 'reader', line \\d+, column \\d+:.*?\\^", ";");
        return withoutSnippets.replaceAll("\\s+", " ").replaceAll(";$", "").strip();
    }
}
