package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.route53.Route53Names;
import java.util.Set;

/**
 * PG201: ChangeResourceRecordSets allowed with no record-name condition lets the credential rewrite
 * any record in the zone (MX, NS, the apex A record): a domain takeover, not just certificates.
 */
public final class ChangeWithoutRecordNamesRule extends AbstractRule {
    public ChangeWithoutRecordNamesRule() {
        super("PG201", Severity.ERROR, "ChangeResourceRecordSets is allowed without a record-name condition.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (RecordChangeGrants.Grant grant : RecordChangeGrants.in(policy)) {
            if (!grant.restricts(Route53Names.KEY_NAMES)) {
                reporter.report(grant.at(), "ChangeResourceRecordSets is allowed for every record name; add"
                        + " ForAllValues:StringEquals on " + Route53Names.KEY_NAMES + " listing the _acme-challenge names");
            }
        }
    }
}
