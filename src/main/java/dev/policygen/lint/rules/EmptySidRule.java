package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;

/** PG104: an empty Sid names nothing; leave it out or give a name. */
public final class EmptySidRule extends AbstractRule {
    public EmptySidRule() {
        super("PG104", Severity.SUGGESTION, "A Sid is the empty string.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            statement.object().get("Sid").ifPresent(sid -> {
                if (sid instanceof JsonNode.JsonString s && s.value().isEmpty()) {
                    reporter.report(s.position(), "empty Sid; remove it or name the statement");
                }
            });
        }
    }
}
