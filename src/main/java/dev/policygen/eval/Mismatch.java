package dev.policygen.eval;

import dev.policygen.eval.condition.CompiledCondition;
import dev.policygen.eval.condition.ConditionOutcome;

/**
 * Why a statement did not apply: the first element that failed, and for a condition, which operator
 * and key and why. The text is built only when asked for, so evaluation itself stays cheap.
 */
public record Mismatch(StatementRef statement, Element element, CompiledCondition condition,
        ConditionOutcome outcome) {

    /** The statement element that failed. */
    public enum Element {
        ACTION("Action", "the action matches none of the Action patterns"),
        NOT_ACTION("NotAction", "the action matches a NotAction pattern"),
        RESOURCE("Resource", "the resource matches none of the Resource patterns"),
        NOT_RESOURCE("NotResource", "the resource matches a NotResource pattern"),
        CONDITION("Condition", "a condition did not match");

        private final String json;
        private final String reason;

        Element(String json, String reason) {
            this.json = json;
            this.reason = reason;
        }

        public String json() {
            return json;
        }

        public String reason() {
            return reason;
        }
    }

    public static Mismatch of(StatementRef statement, Element element) {
        return new Mismatch(statement, element, null, null);
    }

    public String reason() {
        if (condition == null) {
            return element.reason();
        }
        return condition + ": " + outcome.reason();
    }
}
