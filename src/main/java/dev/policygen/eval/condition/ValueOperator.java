package dev.policygen.eval.condition;

import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;

/**
 * The comparison of one request value against all policy values of one condition key, for one
 * operator family. Policy values are parsed when the policy is compiled; the request value once
 * per call.
 *
 * <p>A positive operator matches if any policy value matches. A negated operator
 * ({@code StringNotEquals}, {@code NotIpAddress}, ...) matches if no policy value matches (UG
 * reference_policies_multi-value-conditions). A value that cannot be compared at all (a policy
 * value that is not a number under Numeric*, an unresolvable variable, a request value that is not
 * an address) satisfies neither form: an ill-formed comparison never grants or waives anything.
 */
public abstract class ValueOperator {
    /** The result of comparing one request value with one policy value. */
    protected enum Comparison { MATCH, NO_MATCH, INVALID }

    private final OperatorName name;

    protected ValueOperator(OperatorName name) {
        this.name = name;
    }

    public OperatorName name() {
        return name;
    }

    public final boolean matches(String requestValue, RequestContext context) {
        Object parsed = parseRequestValue(requestValue);
        if (parsed == null) {
            return false;
        }
        int count = policyValueCount();
        if (!name.negated()) {
            for (int i = 0; i < count; i++) {
                if (compare(i, parsed, context) == Comparison.MATCH) {
                    return true;
                }
            }
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (compare(i, parsed, context) != Comparison.NO_MATCH) {
                return false;
            }
        }
        return true;
    }

    /** The request value in the family's own form, or null when it cannot be compared. */
    protected abstract Object parseRequestValue(String requestValue);

    protected abstract int policyValueCount();

    /** Compares with policy value {@code index} using the positive form of the operator. */
    protected abstract Comparison compare(int index, Object requestValue, RequestContext context);
}
