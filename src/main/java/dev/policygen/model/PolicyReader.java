package dev.policygen.model;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.LocatedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns JSON text into a {@link PolicyDocument}, strictly: the first element that IAM would reject
 * for an identity policy is an {@link InputException} at its position. The linter reads the raw
 * {@link JsonNode} tree instead, to report every problem rather than the first.
 */
public final class PolicyReader {
    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");

    private final LocatedJson json;

    private PolicyReader(String source) {
        this.json = new LocatedJson(source);
    }

    public static PolicyDocument read(String text, String source) throws InputException {
        return fromJson(JsonReader.read(text, source), source);
    }

    public static PolicyDocument fromJson(JsonNode root, String source) throws InputException {
        return new PolicyReader(source).document(root);
    }

    private PolicyDocument document(JsonNode root) throws InputException {
        JsonNode.JsonObject object = object(root, "a policy document");
        checkKeys(object, DOCUMENT_KEYS, "policy document");
        Optional<String> version = optionalString(object, "Version");
        if (version.isPresent() && !version.get().equals(PolicyDocument.VERSION_2012)
                && !version.get().equals(PolicyDocument.VERSION_2008)) {
            throw error(object.get("Version").orElseThrow().position(),
                    "Version must be " + PolicyDocument.VERSION_2012 + " or " + PolicyDocument.VERSION_2008
                            + ", not \"" + version.get() + "\"");
        }
        Optional<String> id = optionalString(object, "Id");
        JsonNode statementNode = object.get("Statement")
                .orElseThrow(() -> error(object.position(), "policy document has no Statement"));
        List<Statement> statements = new ArrayList<>();
        boolean scalar = statementNode instanceof JsonNode.JsonObject;
        if (scalar) {
            statements.add(statement((JsonNode.JsonObject) statementNode));
        } else if (statementNode instanceof JsonNode.JsonArray array) {
            for (JsonNode element : array.elements()) {
                statements.add(statement(object(element, "a statement")));
            }
        } else {
            throw error(statementNode.position(), "Statement must be an object or an array of objects");
        }
        return new PolicyDocument(version, id, statements, scalar, object.position());
    }

    private Statement statement(JsonNode.JsonObject object) throws InputException {
        for (String principal : List.of("Principal", "NotPrincipal")) {
            if (object.member(principal).isPresent()) {
                throw error(object.member(principal).get().keyPosition(),
                        principal + " is not allowed in an identity policy");
            }
        }
        checkKeys(object, STATEMENT_KEYS, "statement");
        Optional<String> sid = optionalString(object, "Sid");
        JsonNode effectNode = object.get("Effect")
                .orElseThrow(() -> error(object.position(), "statement has no Effect"));
        String effectText = string(effectNode, "Effect");
        Effect effect = Effect.fromJson(effectText)
                .orElseThrow(() -> error(effectNode.position(), "Effect must be Allow or Deny, not \"" + effectText + "\""));
        boolean notAction = exactlyOne(object, "Action", "NotAction");
        ValueList actions = stringList(object.get(notAction ? "NotAction" : "Action").orElseThrow(),
                notAction ? "NotAction" : "Action");
        boolean notResource = exactlyOne(object, "Resource", "NotResource");
        ValueList resources = stringList(object.get(notResource ? "NotResource" : "Resource").orElseThrow(),
                notResource ? "NotResource" : "Resource");
        List<ConditionBlock> conditions = new ArrayList<>();
        Optional<JsonNode> condition = object.get("Condition");
        if (condition.isPresent()) {
            JsonNode.JsonObject blocks = object(condition.get(), "Condition");
            json.checkNoDuplicateKeys(blocks, "Condition");
            for (JsonNode.Member member : blocks.members()) {
                ConditionOperator operator = ConditionOperator.parse(member.key())
                        .orElseThrow(() -> error(member.keyPosition(), "unknown condition operator \"" + member.key() + "\""));
                JsonNode.JsonObject keys = object(member.value(), "condition operator " + member.key());
                json.checkNoDuplicateKeys(keys, "condition operator " + member.key());
                List<ConditionEntry> entries = new ArrayList<>();
                for (JsonNode.Member key : keys.members()) {
                    entries.add(new ConditionEntry(key.key(), conditionValues(key.value(), key.key()), key.keyPosition()));
                }
                conditions.add(new ConditionBlock(operator, entries, member.keyPosition()));
            }
        }
        return new Statement(sid, effect, notAction, actions, notResource, resources, conditions, object.position());
    }

    private boolean exactlyOne(JsonNode.JsonObject object, String plain, String negated) throws InputException {
        boolean hasPlain = object.member(plain).isPresent();
        boolean hasNegated = object.member(negated).isPresent();
        if (hasPlain && hasNegated) {
            throw error(object.member(negated).get().keyPosition(), "statement has both " + plain + " and " + negated);
        }
        if (!hasPlain && !hasNegated) {
            throw error(object.position(), "statement has neither " + plain + " nor " + negated);
        }
        return hasNegated;
    }

    private ValueList stringList(JsonNode node, String element) throws InputException {
        if (node instanceof JsonNode.JsonString string) {
            return new ValueList(List.of(new PolicyValue(string.value(), PolicyValue.Type.STRING, string.position())),
                    true, node.position());
        }
        if (node instanceof JsonNode.JsonArray array) {
            List<PolicyValue> values = new ArrayList<>();
            for (JsonNode element0 : array.elements()) {
                if (!(element0 instanceof JsonNode.JsonString string)) {
                    throw error(element0.position(), element + " values must be strings, not " + element0.typeName());
                }
                values.add(new PolicyValue(string.value(), PolicyValue.Type.STRING, string.position()));
            }
            return new ValueList(values, false, node.position());
        }
        throw error(node.position(), element + " must be a string or an array of strings, not " + node.typeName());
    }

    private ValueList conditionValues(JsonNode node, String key) throws InputException {
        if (node instanceof JsonNode.JsonArray array) {
            List<PolicyValue> values = new ArrayList<>();
            for (JsonNode element : array.elements()) {
                values.add(conditionValue(element, key));
            }
            return new ValueList(values, false, node.position());
        }
        return new ValueList(List.of(conditionValue(node, key)), true, node.position());
    }

    private PolicyValue conditionValue(JsonNode node, String key) throws InputException {
        if (node instanceof JsonNode.JsonString s) {
            return new PolicyValue(s.value(), PolicyValue.Type.STRING, s.position());
        }
        if (node instanceof JsonNode.JsonNumber n) {
            return new PolicyValue(n.text(), PolicyValue.Type.NUMBER, n.position());
        }
        if (node instanceof JsonNode.JsonBoolean b) {
            return new PolicyValue(Boolean.toString(b.value()), PolicyValue.Type.BOOLEAN, b.position());
        }
        throw error(node.position(), "condition values of " + key + " must be strings, numbers or booleans, not "
                + node.typeName());
    }

    private JsonNode.JsonObject object(JsonNode node, String what) throws InputException {
        return json.object(node, what);
    }

    private Optional<String> optionalString(JsonNode.JsonObject object, String key) throws InputException {
        Optional<JsonNode> node = object.get(key);
        return node.isEmpty() ? Optional.empty() : Optional.of(string(node.get(), key));
    }

    private String string(JsonNode node, String key) throws InputException {
        return json.string(node, key);
    }

    private void checkKeys(JsonNode.JsonObject object, Set<String> allowed, String what) throws InputException {
        json.checkKeys(object, allowed, what);
    }

    private InputException error(SourcePosition position, String message) {
        return json.error(position, message);
    }
}
