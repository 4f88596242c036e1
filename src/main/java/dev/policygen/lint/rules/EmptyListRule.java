package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.List;

/**
 * PG108: an empty Statement, Action, Resource or condition list, or an empty Condition. They
 * match nothing, so they hide a mistake; an empty ForAllValues list even matches only a missing key.
 */
public final class EmptyListRule extends AbstractRule {
    private static final List<String> LISTS = List.of("Action", "NotAction", "Resource", "NotResource");

    public EmptyListRule() {
        super("PG108", Severity.SUGGESTION, "An empty list or object where values are expected.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.document().flatMap(d -> d.get("Statement")).ifPresent(s -> {
            if (empty(s)) {
                reporter.report(s.position(), "Statement is empty, so the policy grants nothing");
            }
        });
        for (StatementView statement : policy.statements()) {
            for (String element : LISTS) {
                statement.object().get(element).filter(EmptyListRule::empty).ifPresent(v ->
                        reporter.report(v.position(), element + " is an empty list, so the statement matches nothing"));
            }
            statement.object().get("Condition").ifPresent(condition -> checkCondition(condition, reporter));
        }
    }

    private static void checkCondition(JsonNode condition, Reporter reporter) {
        if (empty(condition)) {
            reporter.report(condition.position(), "Condition is empty; remove it");
            return;
        }
        if (!(condition instanceof JsonNode.JsonObject blocks)) {
            return;
        }
        for (JsonNode.Member block : blocks.members()) {
            if (empty(block.value())) {
                reporter.report(block.value().position(), block.key() + " has no condition keys");
            } else if (block.value() instanceof JsonNode.JsonObject keys) {
                for (JsonNode.Member key : keys.members()) {
                    if (empty(key.value())) {
                        reporter.report(key.value().position(), key.key() + " under " + block.key()
                                + " has no values; it matches only requests without the key");
                    }
                }
            }
        }
    }

    private static boolean empty(JsonNode node) {
        return (node instanceof JsonNode.JsonArray a && a.elements().isEmpty())
                || (node instanceof JsonNode.JsonObject o && o.members().isEmpty());
    }
}
