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
 * PG306: an Allow of an action a renewer takes on one object (replacing a listener's or a load
 * balancer's certificate, deleting a replaced server certificate, reading the account key) on a
 * Resource whose wildcard stands for the object's name, so it reaches any such object it matches.
 * The policy looks scoped, since its statement names a service and a resource type, but the principal
 * can change every listener or read every object of the bucket. Which kinds and actions, and which
 * wildcards stand for a name, is {@link SingleObjectGrant}.
 */
public final class RenewActionOnAnyObjectRule extends AbstractRule {
    public RenewActionOnAnyObjectRule() {
        super("PG306", Severity.WARNING, "An action on one listener, load balancer, server certificate or S3 object"
                + " is allowed on any of them.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow()) {
                continue;
            }
            for (SingleObjectGrant kind : SingleObjectGrant.ALL) {
                List<String> actions = kind.actions().stream().filter(statement::covers).toList();
                if (!actions.isEmpty()) {
                    check(statement, kind, String.join(", ", actions), reporter);
                }
            }
        }
    }

    private static void check(StatementView statement, SingleObjectGrant kind, String actions, Reporter reporter) {
        statement.member("NotResource").filter(m -> statement.resourceCovers(kind.anyObjectArn()))
                .ifPresent(m -> reporter.report(m.keyPosition(), actions + " with NotResource reaches every "
                        + kind.what() + " not listed; use Resource and " + kind.fix()));
        for (PolicyValue resource : statement.strings("Resource")) {
            if (kind.standsForAnyObject(resource.text())) {
                reporter.report(resource.position(), actions + " on \"" + resource.text() + "\" reaches every "
                        + kind.what() + " the pattern matches, not one; " + kind.fix());
            }
        }
    }
}
