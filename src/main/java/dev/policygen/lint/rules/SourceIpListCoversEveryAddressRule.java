package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.AddressCoverage;
import java.util.Arrays;
import java.util.List;

/**
 * PG403: a source-IP restriction whose CIDR list covers every IPv4 or every IPv6 address
 * ({@code 0.0.0.0/0}, {@code ::/0}, or blocks that add up to them). A Deny on NotIpAddress
 * aws:SourceIp then never applies to a caller of that family: a network deny that denies nothing.
 * An Allow on IpAddress aws:SourceIp lets every caller of that family through. Either way the policy
 * reads as restricted to some networks and is not. An IPv4 address is never inside an IPv6 block
 * (the evaluator's IpAddressOperator, after the IAM User Guide's IpAddress operators), so each family
 * is judged on its own: {@code 0.0.0.0/0} alone still leaves the Deny in force for IPv6 callers.
 */
public final class SourceIpListCoversEveryAddressRule extends AbstractRule {
    private static final String SOURCE_IP = "aws:SourceIp";

    public SourceIpListCoversEveryAddressRule() {
        super("PG403", Severity.ERROR, "A source-IP condition lists every IPv4 or IPv6 address, so it restricts"
                + " nothing.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (ConditionView condition : statement.conditionsOn(SOURCE_IP)) {
                boolean denyOutside = statement.isDeny() && condition.base(OperatorName.NOT_IP_ADDRESS);
                boolean allowInside = statement.isAllow() && condition.base(OperatorName.IP_ADDRESS);
                if (!denyOutside && !allowInside) {
                    continue;
                }
                List<String> blocks = condition.values().stream().map(PolicyValue::text).toList();
                List<String> families = Arrays.stream(AddressCoverage.Family.values())
                        .filter(f -> AddressCoverage.coversEvery(blocks, f)).map(AddressCoverage.Family::label).toList();
                if (families.isEmpty()) {
                    continue;
                }
                String either = String.join(" or ", families);
                reporter.report(condition.keyPosition(), "these blocks cover every " + String.join(" and ", families)
                        + " address, so " + (denyOutside ? "this Deny never applies to a request over " + either
                                + ": a network deny that denies nothing" : "this condition lets every " + either
                                + " caller through") + "; list only the networks the client calls from");
            }
        }
    }
}
