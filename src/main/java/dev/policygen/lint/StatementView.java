package dev.policygen.lint;

import dev.policygen.SourcePosition;
import dev.policygen.eval.Glob;
import dev.policygen.json.JsonNode;
import dev.policygen.model.ConditionOperator;
import dev.policygen.model.PolicyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tolerant reading of one statement object: values of the wrong JSON type are skipped here (the
 * grammar rules report them), so semantic rules can ask simple questions of any tree.
 */
public final class StatementView {
    private final JsonNode.JsonObject object;

    StatementView(JsonNode.JsonObject object) {
        this.object = object;
    }

    public JsonNode.JsonObject object() {
        return object;
    }

    public SourcePosition position() {
        return object.position();
    }

    public Optional<JsonNode.Member> member(String key) {
        return object.member(key);
    }

    public boolean isAllow() {
        return effect().filter("Allow"::equals).isPresent();
    }

    public boolean isDeny() {
        return effect().filter("Deny"::equals).isPresent();
    }

    private Optional<String> effect() {
        return object.get("Effect").filter(JsonNode.JsonString.class::isInstance)
                .map(n -> ((JsonNode.JsonString) n).value());
    }

    /** The string values of Action, NotAction, Resource or NotResource, each with its position. */
    public List<PolicyValue> strings(String element) {
        List<PolicyValue> values = new ArrayList<>();
        Optional<JsonNode> node = object.get(element);
        if (node.isPresent() && node.get() instanceof JsonNode.JsonString s) {
            values.add(new PolicyValue(s.value(), PolicyValue.Type.STRING, s.position()));
        } else if (node.isPresent() && node.get() instanceof JsonNode.JsonArray array) {
            for (JsonNode element0 : array.elements()) {
                if (element0 instanceof JsonNode.JsonString s) {
                    values.add(new PolicyValue(s.value(), PolicyValue.Type.STRING, s.position()));
                }
            }
        }
        return values;
    }

    /**
     * True when the element holds a CloudFormation intrinsic ({@code {"Fn::Sub": ...}}) whose value
     * is unknown until deployment; rules that need every value then say nothing.
     */
    public boolean hasUnknownValues(String element) {
        Optional<JsonNode> node = object.get(element);
        if (node.isEmpty()) {
            return false;
        }
        if (node.get() instanceof JsonNode.JsonArray array) {
            return array.elements().stream().anyMatch(Intrinsics::isIntrinsic);
        }
        return Intrinsics.isIntrinsic(node.get());
    }

    /**
     * Where this statement grants or denies {@code action}: the first Action value that matches it,
     * or the NotAction key when NotAction leaves it out. Empty when the statement does not cover it.
     */
    public Optional<SourcePosition> actionCovering(String action) {
        if (object.member("Action").isPresent()) {
            return strings("Action").stream().filter(v -> Route53Facts.actionMatches(v.text(), action))
                    .map(PolicyValue::position).findFirst();
        }
        Optional<JsonNode.Member> not = object.member("NotAction");
        if (not.isPresent() && strings("NotAction").stream().noneMatch(v -> Route53Facts.actionMatches(v.text(), action))
                && !hasUnknownValues("NotAction")) {
            return Optional.of(not.get().keyPosition());
        }
        return Optional.empty();
    }

    public boolean covers(String action) {
        return actionCovering(action).isPresent();
    }

    /** True when Resource or NotResource lets {@code arn} through (unknown values count as no). */
    public boolean resourceCovers(String arn) {
        if (object.member("Resource").isPresent()) {
            return strings("Resource").stream().anyMatch(v -> Glob.of(v.text(), false).matches(arn));
        }
        if (object.member("NotResource").isPresent()) {
            return strings("NotResource").stream().noneMatch(v -> Glob.of(v.text(), false).matches(arn));
        }
        return false;
    }

    /** Every key of every condition operator, in source order; malformed blocks are skipped. */
    public List<ConditionView> conditions() {
        List<ConditionView> conditions = new ArrayList<>();
        Optional<JsonNode> node = object.get("Condition");
        if (node.isEmpty() || !(node.get() instanceof JsonNode.JsonObject blocks)) {
            return conditions;
        }
        for (JsonNode.Member block : blocks.members()) {
            Optional<ConditionOperator> operator = ConditionOperator.parse(block.key());
            if (!(block.value() instanceof JsonNode.JsonObject keys)) {
                continue;
            }
            for (JsonNode.Member key : keys.members()) {
                conditions.add(new ConditionView(block.key(), block.keyPosition(), operator, key.key(),
                        key.keyPosition(), values(key.value())));
            }
        }
        return conditions;
    }

    /** Conditions on one key (compared ignoring case, as IAM does). */
    public List<ConditionView> conditionsOn(String key) {
        return conditions().stream().filter(c -> c.key().equalsIgnoreCase(key)).toList();
    }

    private static List<PolicyValue> values(JsonNode node) {
        List<PolicyValue> values = new ArrayList<>();
        List<JsonNode> elements = node instanceof JsonNode.JsonArray array ? array.elements() : List.of(node);
        for (JsonNode element : elements) {
            if (element instanceof JsonNode.JsonString s) {
                values.add(new PolicyValue(s.value(), PolicyValue.Type.STRING, s.position()));
            } else if (element instanceof JsonNode.JsonBoolean b) {
                values.add(new PolicyValue(Boolean.toString(b.value()), PolicyValue.Type.BOOLEAN, b.position()));
            } else if (element instanceof JsonNode.JsonNumber n) {
                values.add(new PolicyValue(n.text(), PolicyValue.Type.NUMBER, n.position()));
            }
        }
        return values;
    }
}
