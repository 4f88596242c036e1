package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Route53Facts;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;
import java.util.Set;

/**
 * PG303: ListHostedZones, ListHostedZonesByName, GetHostedZoneCount and TestDNSAnswer have no
 * resource type; IAM authorizes them against "*", so a statement scoped to zone ARNs never grants
 * them and the client fails with AccessDenied (acme.sh#65, cert-manager#1432).
 */
public final class WildcardOnlyActionOnResourceRule extends AbstractRule {
    public WildcardOnlyActionOnResourceRule() {
        super("PG303", Severity.ERROR, "A Route 53 action that only works on \"*\" is scoped to specific resources.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow() || statement.hasUnknownValues("Resource") || statement.resourceCovers("*")) {
                continue;
            }
            for (PolicyValue action : statement.strings("Action")) {
                Route53Facts.WILDCARD_ONLY_ACTIONS.stream().filter(a -> a.equalsIgnoreCase(action.text())).findFirst()
                        .ifPresent(a -> reporter.report(action.position(), a + " has no resource type and is"
                                + " granted only by \"Resource\": \"*\"; this statement never grants it"));
            }
        }
    }
}
