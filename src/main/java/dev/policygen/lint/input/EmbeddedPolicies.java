package dev.policygen.lint.input;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.SyntaxProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Policies written as a JSON string inside another document (a Terraform {@code policy} attribute,
 * an IAM API response). Positions inside the string would not be positions in the file, so every
 * node of the parsed policy is placed at the string itself.
 */
final class EmbeddedPolicies {
    private EmbeddedPolicies() {
    }

    static LintedPolicy parse(String file, String origin, String json, SourcePosition at, LintOptions options,
            PolicyKind kind) {
        try {
            JsonNode root = relocate(JsonReader.read(json, file), at);
            return new LintedPolicy(file, origin, at, java.util.Optional.of(root), java.util.Optional.empty(), options,
                    kind);
        } catch (InputException e) {
            return LintedPolicy.unparsable(file, origin, new SyntaxProblem(at, "embedded policy: "
                    + e.getMessage() + (e.position().known() ? " (at " + e.position() + " of the string)" : "")),
                    options, kind);
        }
    }

    /** A copy of the tree with every value and key at {@code at}. */
    static JsonNode relocate(JsonNode node, SourcePosition at) {
        if (node instanceof JsonNode.JsonObject object) {
            List<JsonNode.Member> members = new ArrayList<>();
            object.members().forEach(m -> members.add(new JsonNode.Member(m.key(), at, relocate(m.value(), at))));
            return new JsonNode.JsonObject(members, at);
        }
        if (node instanceof JsonNode.JsonArray array) {
            List<JsonNode> elements = new ArrayList<>();
            array.elements().forEach(e -> elements.add(relocate(e, at)));
            return new JsonNode.JsonArray(elements, at);
        }
        if (node instanceof JsonNode.JsonString s) {
            return new JsonNode.JsonString(s.value(), at);
        }
        if (node instanceof JsonNode.JsonNumber n) {
            return new JsonNode.JsonNumber(n.text(), at);
        }
        if (node instanceof JsonNode.JsonBoolean b) {
            return new JsonNode.JsonBoolean(b.value(), at);
        }
        return new JsonNode.JsonNull(at);
    }
}
