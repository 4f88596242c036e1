package dev.policygen.eval.condition;

import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import java.util.List;

/**
 * BinaryEquals: the policy holds base64 text and the request value is compared as that same base64
 * text, byte for byte. No variables (UG reference_policies_variables) and no wildcards.
 */
public final class BinaryOperator extends ValueOperator {
    private final String[] values;

    private BinaryOperator(OperatorName name, String[] values) {
        super(name);
        this.values = values;
    }

    public static BinaryOperator compile(OperatorName name, List<String> texts) {
        return new BinaryOperator(name, texts.toArray(new String[0]));
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return requestValue;
    }

    @Override
    protected int policyValueCount() {
        return values.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        return values[index].equals(requestValue) ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
