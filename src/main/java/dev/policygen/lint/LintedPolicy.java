package dev.policygen.lint;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One policy document found in an input file, as rules see it: the raw located tree (so every
 * problem can be reported, not just the first), or the syntax problem that kept it from parsing.
 *
 * @param file the input file as the user named it
 * @param origin where in the file the policy sits ({@code aws_iam_policy.acme}), empty for a bare policy
 * @param position where the policy starts; for an embedded JSON string, the string itself
 */
public record LintedPolicy(String file, String origin, SourcePosition position, Optional<JsonNode> root,
        Optional<SyntaxProblem> syntaxProblem, LintOptions options) {

    public static LintedPolicy parsed(String file, String origin, JsonNode root, LintOptions options) {
        return new LintedPolicy(file, origin, root.position(), Optional.of(root), Optional.empty(), options);
    }

    public static LintedPolicy unparsable(String file, String origin, SyntaxProblem problem, LintOptions options) {
        return new LintedPolicy(file, origin, problem.position(), Optional.empty(), Optional.of(problem), options);
    }

    /** The document object, when the root is one. */
    public Optional<JsonNode.JsonObject> document() {
        return root.filter(JsonNode.JsonObject.class::isInstance).map(JsonNode.JsonObject.class::cast);
    }

    /** Every statement object, whether Statement is a single object or an array; others are skipped. */
    public List<StatementView> statements() {
        List<StatementView> statements = new ArrayList<>();
        Optional<JsonNode> node = document().flatMap(d -> d.get("Statement"));
        if (node.isPresent() && node.get() instanceof JsonNode.JsonObject single) {
            statements.add(new StatementView(single));
        } else if (node.isPresent() && node.get() instanceof JsonNode.JsonArray array) {
            for (JsonNode element : array.elements()) {
                if (element instanceof JsonNode.JsonObject object) {
                    statements.add(new StatementView(object));
                }
            }
        }
        return statements;
    }
}
