package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;

/** PG301: "*" or "service:*" in an Allow grants every action of a service, today's and future ones. */
public final class WildcardActionRule extends AbstractRule {
    public WildcardActionRule() {
        super("PG301", Severity.ERROR, "An Allow grants every action (\"*\") or every action of a service (\"route53:*\").");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow()) {
                continue;
            }
            for (PolicyValue action : statement.strings("Action")) {
                String text = action.text();
                int colon = text.indexOf(':');
                String name = colon < 0 ? text : text.substring(colon + 1);
                if (!name.isEmpty() && name.chars().allMatch(c -> c == '*')) {
                    reporter.report(action.position(), "\"" + text + "\" allows every action"
                            + (colon < 0 ? " of every service" : " of " + text.substring(0, colon))
                            + "; list the actions the client calls");
                }
            }
        }
    }
}
