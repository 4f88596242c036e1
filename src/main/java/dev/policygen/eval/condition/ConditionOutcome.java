package dev.policygen.eval.condition;

/** Why one condition key matched or not; the explanation quotes it for statements that did not apply. */
public enum ConditionOutcome {
    MATCHED(true, "matched"),
    MATCHED_KEY_ABSENT(true, "matched because the key is absent"),
    MATCHED_KEY_EMPTY(true, "matched because the key has no values"),
    KEY_ABSENT(false, "the key is absent from the request"),
    KEY_EMPTY(false, "the key has no values, so ForAnyValue has nothing to match"),
    MULTIVALUED_WITHOUT_QUALIFIER(false,
            "the key is multivalued and the operator has no ForAllValues/ForAnyValue qualifier"),
    VALUE_MISMATCH(false, "the request value does not satisfy the operator"),
    SOME_VALUE_MISMATCH(false, "not every request value satisfies the operator"),
    NO_VALUE_MATCHED(false, "no request value satisfies the operator"),
    NULL_MISMATCH(false, "the key's presence is not what Null asks for");

    private final boolean matched;
    private final String reason;

    ConditionOutcome(boolean matched, String reason) {
        this.matched = matched;
        this.reason = reason;
    }

    public boolean matched() {
        return matched;
    }

    public String reason() {
        return reason;
    }
}
