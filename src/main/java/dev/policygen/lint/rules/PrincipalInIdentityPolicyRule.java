package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.List;
import java.util.Set;

/** PG106: the principal of an identity policy is whoever it is attached to; IAM rejects the element. */
public final class PrincipalInIdentityPolicyRule extends AbstractRule {
    public PrincipalInIdentityPolicyRule() {
        super("PG106", Severity.ERROR, "Principal or NotPrincipal in an identity policy.");
    }

    /** A trust policy must name its principal: only identity policies are judged here. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (String element : List.of("Principal", "NotPrincipal")) {
                statement.member(element).ifPresent(m -> reporter.report(m.keyPosition(), element
                        + " is not allowed in an identity policy, which applies to the user, group or role it is"
                        + " attached to"));
            }
        }
    }
}
