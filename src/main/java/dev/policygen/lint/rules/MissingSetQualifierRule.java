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
import dev.policygen.model.OperatorName;
import java.util.Set;

/**
 * PG206: the three record keys are multivalued (one value per change in the batch). A plain
 * operator on them is Access Analyzer's MISSING_QUALIFIER error, and how AWS evaluates it is not
 * documented; ForAllValues says what is meant.
 */
public final class MissingSetQualifierRule extends AbstractRule {
    public MissingSetQualifierRule() {
        super("PG206", Severity.ERROR, "A condition on a multivalued route53 record key has no ForAllValues/ForAnyValue.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (ConditionView condition : statement.conditions()) {
                if (Route53Facts.isRecordKey(condition.key())
                        && condition.qualifier(ConditionOperator.SetQualifier.NONE)
                        && !condition.base(OperatorName.NULL)) {
                    reporter.report(condition.keyPosition(), condition.operatorText() + " on multivalued key "
                            + Route53Facts.canonicalKey(condition.key()) + " needs a set qualifier; use ForAllValues:"
                            + condition.operatorText());
                }
            }
        }
    }
}
