package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.List;

/**
 * PG302: NotAction in an Allow grants every action of every service except those listed, and
 * NotResource every resource except those listed, including ones that do not exist yet.
 */
public final class AllowWithNotElementRule extends AbstractRule {
    public AllowWithNotElementRule() {
        super("PG302", Severity.ERROR, "An Allow statement uses NotAction or NotResource.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow()) {
                continue;
            }
            for (String element : List.of("NotAction", "NotResource")) {
                statement.member(element).ifPresent(m -> reporter.report(m.keyPosition(), "Allow with " + element
                        + " grants everything not listed; use " + element.substring(3) + " with what is needed"));
            }
        }
    }
}
