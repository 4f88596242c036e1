package dev.policygen.lint.rules;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.HashMap;
import java.util.Map;

/** PG105: two statements share a Sid; empty Sids are PG104's business, not duplicates. */
public final class DuplicateSidRule extends AbstractRule {
    public DuplicateSidRule() {
        super("PG105", Severity.WARNING, "Two statements have the same Sid.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        Map<String, SourcePosition> first = new HashMap<>();
        for (StatementView statement : policy.statements()) {
            statement.object().get("Sid").ifPresent(sid -> {
                if (sid instanceof JsonNode.JsonString s && !s.value().isEmpty()) {
                    SourcePosition earlier = first.putIfAbsent(s.value(), s.position());
                    if (earlier != null) {
                        reporter.report(s.position(), "Sid \"" + s.value() + "\" is already used at line "
                                + earlier.line() + "; Sids must be unique within a policy");
                    }
                }
            });
        }
    }
}
