package dev.policygen.lint;

import dev.policygen.SourcePosition;
import dev.policygen.model.ConditionOperator;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import java.util.List;
import java.util.Optional;

/**
 * One key under one condition operator, e.g. {@code ForAllValues:StringEquals} /
 * {@code route53:ChangeResourceRecordSetsRecordTypes}. {@code operator} is empty for operator text
 * IAM does not know (the grammar rules report that).
 */
public record ConditionView(String operatorText, SourcePosition operatorPosition, Optional<ConditionOperator> operator,
        String key, SourcePosition keyPosition, List<PolicyValue> values) {

    public boolean qualifier(ConditionOperator.SetQualifier qualifier) {
        return operator.map(o -> o.qualifier() == qualifier).orElse(false);
    }

    public boolean base(OperatorName name) {
        return operator.map(o -> o.base() == name).orElse(false);
    }

    /**
     * True when the condition holds for a request that lacks the key: ForAllValues (vacuous truth),
     * a negated operator or IfExists. Actions that do not carry the key then pass it.
     */
    public boolean trueWhenKeyMissing() {
        return operator.map(o -> o.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                || (o.qualifier() == ConditionOperator.SetQualifier.NONE && (o.base().negated() || o.ifExists())))
                .orElse(false);
    }

    /** True for operators that restrict to the listed values: not negated, not Null. */
    public boolean positive() {
        return operator.map(o -> !o.base().negated() && o.base() != OperatorName.NULL).orElse(false);
    }
}
