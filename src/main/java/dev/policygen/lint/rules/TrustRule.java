package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.List;
import java.util.Set;

/**
 * A rule about who may assume a role (PG6xx): it judges trust policies only, and only their Allow
 * statements grant anything. Facts: ../shared/reference/identity-and-fleet.md section 1.
 */
abstract class TrustRule extends AbstractRule {
    TrustRule(String id, Severity severity, String summary) {
        super(id, severity, summary);
    }

    @Override
    public final Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.TRUST);
    }

    /** The Allow statements that allow {@code action} (Action or NotAction). */
    static List<StatementView> allowing(LintedPolicy policy, String action) {
        return policy.statements().stream().filter(s -> s.isAllow() && s.covers(action)).toList();
    }
}
