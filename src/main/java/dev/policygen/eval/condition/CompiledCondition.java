package dev.policygen.eval.condition;

import dev.policygen.eval.ContextValue;
import dev.policygen.eval.RequestContext;
import dev.policygen.model.ConditionOperator;
import dev.policygen.model.OperatorName;
import java.util.List;

/**
 * One key under one condition operator, such as
 * {@code ForAllValues:StringEquals route53:ChangeResourceRecordSetsRecordTypes ["TXT"]}, compiled.
 *
 * <p>Semantics (UG reference_policies_elements_condition_operators,
 * reference_policies_condition-single-vs-multi-valued-context-keys):
 * <ul>
 * <li>absent key: false, except negated operators and {@code ...IfExists}, which are true;
 * <li>no qualifier on a multivalued key: false, negated or not (a set operator is required);
 * <li>ForAllValues: true when the key is absent or empty, else every value must match;
 * <li>ForAnyValue: false when the key is absent or empty (true with IfExists when absent),
 *     else some value must match.
 * </ul>
 */
public final class CompiledCondition {
    private final ConditionOperator operator;
    private final String key;
    private final String lowerKey;
    private final List<String> policyValues;
    private final ValueOperator values;
    private final NullOperator nullTest;

    private CompiledCondition(ConditionOperator operator, String key, List<String> policyValues, ValueOperator values,
            NullOperator nullTest) {
        this.operator = operator;
        this.key = key;
        this.lowerKey = RequestContext.lower(key);
        this.policyValues = List.copyOf(policyValues);
        this.values = values;
        this.nullTest = nullTest;
    }

    /** @param variables whether policy variables are live (Version 2012-10-17) */
    public static CompiledCondition compile(ConditionOperator operator, String key, List<String> policyValues,
            boolean variables) {
        OperatorName name = operator.base();
        switch (name.family()) {
            case NULL:
                return new CompiledCondition(operator, key, policyValues, null, NullOperator.compile(policyValues));
            case STRING:
                return withValues(operator, key, policyValues, StringOperator.compile(name, policyValues, variables));
            case ARN:
                return withValues(operator, key, policyValues, ArnOperator.compile(name, policyValues, variables));
            case NUMERIC:
                return withValues(operator, key, policyValues, NumericOperator.compile(name, policyValues));
            case DATE:
                return withValues(operator, key, policyValues, DateOperator.compile(name, policyValues));
            case BOOL:
                return withValues(operator, key, policyValues, BoolOperator.compile(name, policyValues, variables));
            case BINARY:
                return withValues(operator, key, policyValues, BinaryOperator.compile(name, policyValues));
            case IP:
                return withValues(operator, key, policyValues, IpAddressOperator.compile(name, policyValues));
            default:
                throw new IllegalArgumentException("operator family " + name.family());
        }
    }

    private static CompiledCondition withValues(ConditionOperator operator, String key, List<String> policyValues,
            ValueOperator values) {
        return new CompiledCondition(operator, key, policyValues, values, null);
    }

    public ConditionOutcome evaluate(RequestContext context) {
        ContextValue value = context.getLower(lowerKey);
        if (nullTest != null) {
            return nullTest.matches(value != null) ? ConditionOutcome.MATCHED : ConditionOutcome.NULL_MISMATCH;
        }
        switch (operator.qualifier()) {
            case FOR_ALL_VALUES:
                return forAllValues(value, context);
            case FOR_ANY_VALUE:
                return forAnyValue(value, context);
            default:
                return singleValue(value, context);
        }
    }

    private ConditionOutcome singleValue(ContextValue value, RequestContext context) {
        if (value == null) {
            return operator.ifExists() || operator.base().negated()
                    ? ConditionOutcome.MATCHED_KEY_ABSENT : ConditionOutcome.KEY_ABSENT;
        }
        if (value.multiValued()) {
            return ConditionOutcome.MULTIVALUED_WITHOUT_QUALIFIER;
        }
        return values.matches(value.value(), context) ? ConditionOutcome.MATCHED : ConditionOutcome.VALUE_MISMATCH;
    }

    private ConditionOutcome forAllValues(ContextValue value, RequestContext context) {
        if (value == null) {
            return ConditionOutcome.MATCHED_KEY_ABSENT;
        }
        List<String> requestValues = value.values();
        if (requestValues.isEmpty()) {
            return ConditionOutcome.MATCHED_KEY_EMPTY;
        }
        for (int i = 0; i < requestValues.size(); i++) {
            if (!values.matches(requestValues.get(i), context)) {
                return ConditionOutcome.SOME_VALUE_MISMATCH;
            }
        }
        return ConditionOutcome.MATCHED;
    }

    private ConditionOutcome forAnyValue(ContextValue value, RequestContext context) {
        if (value == null) {
            return operator.ifExists() ? ConditionOutcome.MATCHED_KEY_ABSENT : ConditionOutcome.KEY_ABSENT;
        }
        List<String> requestValues = value.values();
        if (requestValues.isEmpty()) {
            return ConditionOutcome.KEY_EMPTY;
        }
        for (int i = 0; i < requestValues.size(); i++) {
            if (values.matches(requestValues.get(i), context)) {
                return ConditionOutcome.MATCHED;
            }
        }
        return ConditionOutcome.NO_VALUE_MATCHED;
    }

    public ConditionOperator operator() {
        return operator;
    }

    public String key() {
        return key;
    }

    public List<String> policyValues() {
        return policyValues;
    }

    @Override
    public String toString() {
        return operator.json() + " " + key + " " + policyValues;
    }
}
