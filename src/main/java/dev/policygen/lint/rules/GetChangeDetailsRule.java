package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;
import java.util.List;
import java.util.Set;

/**
 * PG305: route53:GetChangeDetails is not a Route 53 action (the service authorization reference
 * lists none by that name), though old policies such as letsencrypt-aws's README still carry it.
 */
public final class GetChangeDetailsRule extends AbstractRule {
    public GetChangeDetailsRule() {
        super("PG305", Severity.ERROR, "route53:GetChangeDetails is not a current Route 53 action.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (String element : List.of("Action", "NotAction")) {
                for (PolicyValue action : statement.strings(element)) {
                    if (action.text().equalsIgnoreCase("route53:GetChangeDetails")) {
                        reporter.report(action.position(), "route53:GetChangeDetails is not a Route 53 action;"
                                + " remove it (route53:GetChange is what clients call)");
                    }
                }
            }
        }
    }
}
