package dev.policygen.lint.rules;

import dev.policygen.eval.Glob;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.model.PolicyValue;
import java.util.List;
import java.util.Set;

/**
 * PG205: ChangeResourceRecordSets on "*" or hostedzone/* reaches every zone in the account,
 * including zones created later; name the zone ARNs the client writes to.
 */
public final class ChangeOnAllZonesRule extends AbstractRule {
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    public ChangeOnAllZonesRule() {
        super("PG205", Severity.WARNING, "ChangeResourceRecordSets is allowed on every hosted zone.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (RecordChangeGrants.Grant grant : RecordChangeGrants.in(policy)) {
            grant.statement().member("NotResource").ifPresent(m -> reporter.report(m.keyPosition(),
                    "ChangeResourceRecordSets with NotResource reaches every zone not listed; use Resource with zone ARNs"));
            for (PolicyValue resource : grant.statement().strings("Resource")) {
                if (matchesAnyZone(resource.text())) {
                    reporter.report(resource.position(), "ChangeResourceRecordSets on \"" + resource.text()
                            + "\" reaches every hosted zone; use arn:aws:route53:::hostedzone/<zone id>");
                }
            }
        }
    }

    /** A pattern that matches two unrelated zone ids matches all of them. */
    private static boolean matchesAnyZone(String pattern) {
        for (String partition : PARTITIONS) {
            String prefix = "arn:" + partition + ":route53:::hostedzone/";
            if (Glob.of(pattern, false).matches(prefix + "Z0AAAAAAAAAAAA")
                    && Glob.of(pattern, false).matches(prefix + "Z9QQQQQQQQQQQQQQQ")) {
                return true;
            }
        }
        return false;
    }
}
