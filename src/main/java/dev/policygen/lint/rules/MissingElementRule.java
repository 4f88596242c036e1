package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;

/**
 * PG111: a policy without Statement, or a statement without Effect, Action or Resource; in a trust
 * policy, which has no Resource (the role is the resource), a statement without Principal.
 */
public final class MissingElementRule extends AbstractRule {
    public MissingElementRule() {
        super("PG111", Severity.ERROR, "A required element (Statement, Effect, Action, Resource; Principal in a trust"
                + " policy) is missing.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.document().filter(d -> d.member("Statement").isEmpty())
                .ifPresent(d -> reporter.report(d.position(), "policy has no Statement"));
        for (StatementView statement : policy.statements()) {
            if (statement.member("Effect").isEmpty()) {
                reporter.report(statement.position(), "statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\"");
            }
            if (statement.member("Action").isEmpty() && statement.member("NotAction").isEmpty()) {
                reporter.report(statement.position(), "statement has no Action (or NotAction)");
            }
            if (policy.isTrust()) {
                if (statement.member("Principal").isEmpty() && statement.member("NotPrincipal").isEmpty()) {
                    reporter.report(statement.position(), "trust policy statement has no Principal (or NotPrincipal);"
                            + " name who may assume the role");
                }
            } else if (statement.member("Resource").isEmpty() && statement.member("NotResource").isEmpty()) {
                reporter.report(statement.position(), "statement has no Resource (or NotResource)");
            }
        }
    }
}
