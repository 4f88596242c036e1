package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.route53.Route53Names;
import java.util.Set;

/** PG202: without a RecordTypes condition the allowed names may get NS, CNAME or any other type. */
public final class ChangeWithoutRecordTypesRule extends AbstractRule {
    public ChangeWithoutRecordTypesRule() {
        super("PG202", Severity.WARNING, "ChangeResourceRecordSets is allowed without a RecordTypes condition.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (RecordChangeGrants.Grant grant : RecordChangeGrants.in(policy)) {
            if (!grant.restricts(Route53Names.KEY_TYPES)) {
                reporter.report(grant.at(), "ChangeResourceRecordSets is allowed for every record type; add"
                        + " ForAllValues:StringEquals {\"" + Route53Names.KEY_TYPES + "\": [\"TXT\"]}");
            }
        }
    }
}
