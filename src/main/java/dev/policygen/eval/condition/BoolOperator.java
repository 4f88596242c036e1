package dev.policygen.eval.condition;

import dev.policygen.eval.PolicyString;
import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import java.util.List;

/**
 * Bool: {@code true}/{@code false} in any case. Policy variables are accepted, as iam-simulate
 * does, because the AWS pages disagree on whether Bool takes them (docs/design/iam-semantics.md §5.4).
 */
public final class BoolOperator extends ValueOperator {
    private final PolicyString[] values;

    private BoolOperator(OperatorName name, PolicyString[] values) {
        super(name);
        this.values = values;
    }

    public static BoolOperator compile(OperatorName name, List<String> texts, boolean variables) {
        PolicyString[] values = new PolicyString[texts.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = PolicyString.parse(texts.get(i), false, variables, true);
        }
        return new BoolOperator(name, values);
    }

    static Boolean parse(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return parse(requestValue);
    }

    @Override
    protected int policyValueCount() {
        return values.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        var glob = values[index].resolve(context);
        Boolean policy = glob == null ? null : parse(glob.text());
        if (policy == null) {
            return Comparison.INVALID;
        }
        return policy.equals(requestValue) ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
