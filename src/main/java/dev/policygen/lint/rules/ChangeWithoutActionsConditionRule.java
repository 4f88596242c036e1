package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.route53.Route53Names;
import java.util.Set;

/**
 * PG204: clients send only some of CREATE, UPSERT and DELETE; naming them keeps a stolen credential
 * from, say, deleting challenge records another client is using.
 */
public final class ChangeWithoutActionsConditionRule extends AbstractRule {
    public ChangeWithoutActionsConditionRule() {
        super("PG204", Severity.SUGGESTION, "ChangeResourceRecordSets is allowed without an Actions condition.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (RecordChangeGrants.Grant grant : RecordChangeGrants.in(policy)) {
            if (!grant.restricts(Route53Names.KEY_ACTIONS)) {
                reporter.report(grant.at(), "ChangeResourceRecordSets is allowed for CREATE, UPSERT and DELETE;"
                        + " add ForAllValues:StringEquals on " + Route53Names.KEY_ACTIONS + " with the ones the client"
                        + " sends (e.g. UPSERT and DELETE)");
            }
        }
    }
}
