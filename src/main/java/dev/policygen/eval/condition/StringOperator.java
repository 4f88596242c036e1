package dev.policygen.eval.condition;

import dev.policygen.eval.Glob;
import dev.policygen.eval.PolicyString;
import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import java.util.List;

/**
 * StringEquals, StringNotEquals, their IgnoreCase forms, StringLike and StringNotLike. Only the
 * Like forms treat {@code *} and {@code ?} as wildcards; all forms resolve policy variables.
 */
public final class StringOperator extends ValueOperator {
    private final PolicyString[] patterns;

    private StringOperator(OperatorName name, PolicyString[] patterns) {
        super(name);
        this.patterns = patterns;
    }

    public static StringOperator compile(OperatorName name, List<String> values, boolean variables) {
        boolean like = name == OperatorName.STRING_LIKE || name == OperatorName.STRING_NOT_LIKE;
        boolean ignoreCase = name == OperatorName.STRING_EQUALS_IGNORE_CASE
                || name == OperatorName.STRING_NOT_EQUALS_IGNORE_CASE;
        PolicyString[] patterns = new PolicyString[values.size()];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = PolicyString.parse(values.get(i), like, variables, ignoreCase);
        }
        return new StringOperator(name, patterns);
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return requestValue;
    }

    @Override
    protected int policyValueCount() {
        return patterns.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        Glob glob = patterns[index].resolve(context);
        if (glob == null) {
            return Comparison.INVALID;
        }
        return glob.matches((String) requestValue) ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
