package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.List;
import java.util.Set;

/**
 * PG113: a trust policy's resource is the role it belongs to, so IAM rejects Resource and NotResource
 * in it (MalformedPolicyDocument: Has prohibited field Resource). The mirror of PG106; most often a
 * permission policy pasted where the trust policy goes.
 */
public final class ResourceInTrustPolicyRule extends AbstractRule {
    public ResourceInTrustPolicyRule() {
        super("PG113", Severity.ERROR, "Resource or NotResource in a role's trust policy.");
    }

    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.TRUST);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (String element : List.of("Resource", "NotResource")) {
                statement.member(element).ifPresent(m -> reporter.report(m.keyPosition(), element
                        + " is not allowed in a trust policy, whose resource is the role itself; IAM rejects the"
                        + " document. Permissions go in the role's identity policies"));
            }
        }
    }
}
