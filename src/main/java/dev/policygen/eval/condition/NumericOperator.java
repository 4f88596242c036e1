package dev.policygen.eval.condition;

import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import java.math.BigDecimal;
import java.util.List;

/**
 * NumericEquals, NumericNotEquals, NumericLessThan(Equals), NumericGreaterThan(Equals). Values
 * are decimal numbers compared exactly (1.0 equals 1). Policy variables are not allowed here (UG
 * reference_policies_variables), so {@code ${...}} is simply not a number.
 */
public final class NumericOperator extends ValueOperator {
    private final BigDecimal[] numbers;

    private NumericOperator(OperatorName name, BigDecimal[] numbers) {
        super(name);
        this.numbers = numbers;
    }

    public static NumericOperator compile(OperatorName name, List<String> values) {
        BigDecimal[] numbers = new BigDecimal[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = parse(values.get(i));
        }
        return new NumericOperator(name, numbers);
    }

    /** A plain decimal number, or null. No exceptions: the request path must not throw. */
    static BigDecimal parse(String text) {
        int length = text.length();
        int i = 0;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        boolean dot = false;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return null;
            }
        }
        // the length cap keeps hostile input from building huge numbers
        return digits == 0 || length > 64 ? null : new BigDecimal(text);
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return parse(requestValue);
    }

    @Override
    protected int policyValueCount() {
        return numbers.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        BigDecimal policy = numbers[index];
        if (policy == null) {
            return Comparison.INVALID;
        }
        int order = ((BigDecimal) requestValue).compareTo(policy);
        boolean result;
        switch (name()) {
            case NUMERIC_LESS_THAN:
                result = order < 0;
                break;
            case NUMERIC_LESS_THAN_EQUALS:
                result = order <= 0;
                break;
            case NUMERIC_GREATER_THAN:
                result = order > 0;
                break;
            case NUMERIC_GREATER_THAN_EQUALS:
                result = order >= 0;
                break;
            default:
                // NumericEquals, and NumericNotEquals as its negation
                result = order == 0;
        }
        return result ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
