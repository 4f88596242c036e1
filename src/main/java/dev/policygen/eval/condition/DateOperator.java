package dev.policygen.eval.condition;

import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import java.util.List;

/**
 * DateEquals, DateNotEquals, DateLessThan(Equals), DateGreaterThan(Equals). A value is an ISO 8601
 * date or date-time (UTC unless it carries an offset) or an epoch time in seconds (UG
 * reference_policies_elements_condition_operators#Conditions_Date). Compared to the millisecond.
 */
public final class DateOperator extends ValueOperator {
    /** Marks an unparsable policy value; real instants are never this far back. */
    private static final long INVALID = Long.MIN_VALUE;
    private final long[] millis;

    private DateOperator(OperatorName name, long[] millis) {
        super(name);
        this.millis = millis;
    }

    public static DateOperator compile(OperatorName name, List<String> values) {
        long[] millis = new long[values.size()];
        for (int i = 0; i < millis.length; i++) {
            Long parsed = IsoDates.epochMillis(values.get(i));
            millis[i] = parsed == null ? INVALID : parsed;
        }
        return new DateOperator(name, millis);
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return IsoDates.epochMillis(requestValue);
    }

    @Override
    protected int policyValueCount() {
        return millis.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        if (millis[index] == INVALID) {
            return Comparison.INVALID;
        }
        int order = Long.compare((Long) requestValue, millis[index]);
        boolean result;
        switch (name()) {
            case DATE_LESS_THAN:
                result = order < 0;
                break;
            case DATE_LESS_THAN_EQUALS:
                result = order <= 0;
                break;
            case DATE_GREATER_THAN:
                result = order > 0;
                break;
            case DATE_GREATER_THAN_EQUALS:
                result = order >= 0;
                break;
            default:
                result = order == 0;
        }
        return result ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
