package dev.policygen.eval.condition;

import dev.policygen.eval.ArnPattern;
import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import dev.policygen.route53.Arn;
import java.util.List;

/**
 * ArnEquals, ArnLike and their negations. ArnEquals and ArnLike behave the same (UG
 * reference_policies_elements_condition_operators#Conditions_ARN): each of the six
 * colon-separated parts is matched on its own, case-sensitively, with {@code *} and {@code ?}.
 */
public final class ArnOperator extends ValueOperator {
    private final ArnPattern[] patterns;

    private ArnOperator(OperatorName name, ArnPattern[] patterns) {
        super(name);
        this.patterns = patterns;
    }

    public static ArnOperator compile(OperatorName name, List<String> values, boolean variables) {
        ArnPattern[] patterns = new ArnPattern[values.size()];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = ArnPattern.forCondition(values.get(i), variables);
        }
        return new ArnOperator(name, patterns);
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return Arn.parse(requestValue);
    }

    @Override
    protected int policyValueCount() {
        return patterns.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        if (!patterns[index].isArn()) {
            return Comparison.INVALID;
        }
        ArnPattern.Result result = patterns[index].match((Arn) requestValue, context);
        if (result == ArnPattern.Result.UNRESOLVED) {
            return Comparison.INVALID;
        }
        return result == ArnPattern.Result.MATCH ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
