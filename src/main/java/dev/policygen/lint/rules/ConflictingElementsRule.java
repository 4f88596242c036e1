package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;

/** PG110: Action with NotAction, or Resource with NotResource, in one statement; IAM rejects it. */
public final class ConflictingElementsRule extends AbstractRule {
    public ConflictingElementsRule() {
        super("PG110", Severity.ERROR, "Action and NotAction (or Resource and NotResource) in one statement.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            check(statement, "Action", "NotAction", reporter);
            check(statement, "Resource", "NotResource", reporter);
        }
    }

    private static void check(StatementView statement, String plain, String negated, Reporter reporter) {
        if (statement.member(plain).isPresent()) {
            statement.member(negated).ifPresent(m -> reporter.report(m.keyPosition(),
                    "statement has both " + plain + " and " + negated + "; use one of them"));
        }
    }
}
