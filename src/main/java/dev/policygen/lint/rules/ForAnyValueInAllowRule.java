package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Route53Facts;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.ConditionOperator;
import java.util.Set;

/**
 * PG207: ForAnyValue on a record key in an Allow lets a whole change batch through when one change
 * in it matches: one _acme-challenge TXT change can carry a change to the apex MX record.
 */
public final class ForAnyValueInAllowRule extends AbstractRule {
    public ForAnyValueInAllowRule() {
        super("PG207", Severity.ERROR, "ForAnyValue on a route53 record key in an Allow statement.");
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
            for (ConditionView condition : statement.conditions()) {
                if (Route53Facts.isRecordKey(condition.key())
                        && condition.qualifier(ConditionOperator.SetQualifier.FOR_ANY_VALUE)) {
                    reporter.report(condition.keyPosition(), condition.operatorText() + " on "
                            + Route53Facts.canonicalKey(condition.key()) + " allows a batch when any one change matches,"
                            + " so other changes ride along; use ForAllValues");
                }
            }
        }
    }
}
