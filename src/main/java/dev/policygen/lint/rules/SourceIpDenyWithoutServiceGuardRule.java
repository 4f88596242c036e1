package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.OperatorName;

/**
 * PG401: a Deny on NotIpAddress aws:SourceIp also denies calls AWS services make for the principal
 * (their source address is the service's), unless BoolIfExists aws:ViaAWSService "false" exempts
 * them. Without the guard, e.g. KMS decryption through another service breaks.
 */
public final class SourceIpDenyWithoutServiceGuardRule extends AbstractRule {
    public SourceIpDenyWithoutServiceGuardRule() {
        super("PG401", Severity.WARNING, "A source-IP Deny without the BoolIfExists aws:ViaAWSService guard.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isDeny()) {
                continue;
            }
            boolean guarded = statement.conditions().stream().anyMatch(SourceIpDenyWithoutServiceGuardRule::isGuard);
            if (guarded) {
                continue;
            }
            for (ConditionView condition : statement.conditions()) {
                if (condition.base(OperatorName.NOT_IP_ADDRESS) && condition.key().equalsIgnoreCase("aws:SourceIp")) {
                    reporter.report(condition.keyPosition(), "this Deny also blocks requests AWS services make on"
                            + " the principal's behalf; add \"BoolIfExists\": {\"aws:ViaAWSService\": \"false\"}");
                }
            }
        }
    }

    private static boolean isGuard(ConditionView condition) {
        return condition.base(OperatorName.BOOL) && condition.operator().get().ifExists()
                && condition.key().equalsIgnoreCase("aws:ViaAWSService")
                && condition.values().stream().anyMatch(v -> v.text().equalsIgnoreCase("false"));
    }
}
