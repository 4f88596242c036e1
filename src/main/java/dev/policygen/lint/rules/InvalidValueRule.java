package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.Intrinsics;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.model.ConditionOperator;
import java.util.List;
import java.util.Optional;

/**
 * PG112: an element with a value IAM does not accept: a policy that is not an object, an Effect
 * other than Allow or Deny, non-string actions, an unknown condition operator. CloudFormation
 * intrinsics ({"Fn::Sub": ...}) are accepted wherever a string is, since they become one.
 */
public final class InvalidValueRule extends AbstractRule {
    private static final List<String> STRING_LISTS = List.of("Action", "NotAction", "Resource", "NotResource");

    public InvalidValueRule() {
        super("PG112", Severity.ERROR, "An element has a value or type IAM does not accept.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        if (policy.root().isEmpty()) {
            return;
        }
        JsonNode root = policy.root().get();
        if (!(root instanceof JsonNode.JsonObject document)) {
            reporter.report(root.position(), "a policy must be a JSON object, not " + root.typeName());
            return;
        }
        Optional<JsonNode> statements = document.get("Statement");
        if (statements.isPresent() && statements.get() instanceof JsonNode.JsonArray array) {
            array.elements().forEach(s -> statement(s, reporter));
        } else if (statements.isPresent()) {
            statement(statements.get(), reporter);
        }
    }

    private static void statement(JsonNode node, Reporter reporter) {
        if (!(node instanceof JsonNode.JsonObject statement)) {
            reporter.report(node.position(), "a statement must be a JSON object, not " + node.typeName());
            return;
        }
        statement.get("Effect").ifPresent(effect -> {
            if (!(effect instanceof JsonNode.JsonString s && (s.value().equals("Allow") || s.value().equals("Deny")))) {
                reporter.report(effect.position(), "Effect must be \"Allow\" or \"Deny\" (case-sensitive)");
            }
        });
        statement.get("Sid").filter(s -> !(s instanceof JsonNode.JsonString))
                .ifPresent(s -> reporter.report(s.position(), "Sid must be a string, not " + s.typeName()));
        for (String element : STRING_LISTS) {
            statement.get(element).ifPresent(value -> stringOrList(element, value, reporter));
        }
        statement.get("Condition").ifPresent(c -> condition(c, reporter));
    }

    private static void stringOrList(String element, JsonNode value, Reporter reporter) {
        List<JsonNode> items = value instanceof JsonNode.JsonArray a ? a.elements() : List.of(value);
        for (JsonNode item : items) {
            if (!(item instanceof JsonNode.JsonString) && !Intrinsics.isIntrinsic(item)) {
                reporter.report(item.position(), element + " values must be strings, not " + item.typeName());
            }
        }
    }

    private static void condition(JsonNode condition, Reporter reporter) {
        if (!(condition instanceof JsonNode.JsonObject blocks)) {
            reporter.report(condition.position(), "Condition must be an object, not " + condition.typeName());
            return;
        }
        for (JsonNode.Member block : blocks.members()) {
            if (ConditionOperator.parse(block.key()).isEmpty()) {
                reporter.report(block.keyPosition(), "unknown condition operator \"" + block.key()
                        + "\" (operators are case-sensitive, e.g. ForAllValues:StringEquals)");
            }
            if (!(block.value() instanceof JsonNode.JsonObject keys)) {
                reporter.report(block.value().position(), block.key() + " must map condition keys to values, not "
                        + block.value().typeName());
                continue;
            }
            for (JsonNode.Member key : keys.members()) {
                List<JsonNode> values = key.value() instanceof JsonNode.JsonArray a ? a.elements() : List.of(key.value());
                for (JsonNode value : values) {
                    if (value instanceof JsonNode.JsonObject || value instanceof JsonNode.JsonArray
                            || value instanceof JsonNode.JsonNull) {
                        if (!Intrinsics.isIntrinsic(value)) {
                            reporter.report(value.position(), "values of " + key.key()
                                    + " must be strings, numbers or booleans, not " + value.typeName());
                        }
                    }
                }
            }
        }
    }
}
