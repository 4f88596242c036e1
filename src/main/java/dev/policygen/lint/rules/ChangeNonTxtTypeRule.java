package dev.policygen.lint.rules;

import dev.policygen.eval.Glob;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Set;

/**
 * PG203: DNS-01 writes only TXT records. A RecordTypes value that lets any other type through (MX,
 * "*" under StringLike) grants changes ACME never makes. A value that matches no type at all, such
 * as lower-case "txt", is PG210's business.
 */
public final class ChangeNonTxtTypeRule extends AbstractRule {
    private static final List<String> OTHER_TYPES = List.of("A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX",
            "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA");

    public ChangeNonTxtTypeRule() {
        super("PG203", Severity.WARNING, "RecordTypes allows a record type other than TXT.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (RecordChangeGrants.Grant grant : RecordChangeGrants.in(policy)) {
            for (ConditionView condition : grant.statement().conditionsOn(Route53Names.KEY_TYPES)) {
                if (!condition.positive()) {
                    continue;
                }
                boolean like = condition.base(OperatorName.STRING_LIKE);
                boolean ignoreCase = condition.base(OperatorName.STRING_EQUALS_IGNORE_CASE);
                for (PolicyValue value : condition.values()) {
                    OTHER_TYPES.stream().filter(type -> like ? Glob.of(value.text(), false).matches(type)
                            : ignoreCase ? value.text().equalsIgnoreCase(type) : value.text().equals(type))
                            .findFirst().ifPresent(type -> reporter.report(value.position(), "record type \""
                                    + value.text() + "\" allows " + type + " records; DNS-01 needs only TXT"));
                }
            }
        }
    }
}
