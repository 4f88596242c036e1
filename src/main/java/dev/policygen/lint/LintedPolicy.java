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
 * @param kind identity or trust policy: said by the field the policy came from (a role's
 *     AssumeRolePolicyDocument, Terraform's assume_role_policy), else read from the document
 */
public record LintedPolicy(String file, String origin, SourcePosition position, Optional<JsonNode> root,
        Optional<SyntaxProblem> syntaxProblem, LintOptions options, PolicyKind kind) {

    /** A policy found on its own, whose kind its content tells ({@link PolicyKind#of}). */
    public static LintedPolicy parsed(String file, String origin, JsonNode root, LintOptions options) {
        return parsed(file, origin, root, options, PolicyKind.of(root));
    }

    public static LintedPolicy parsed(String file, String origin, JsonNode root, LintOptions options, PolicyKind kind) {
        return new LintedPolicy(file, origin, root.position(), Optional.of(root), Optional.empty(), options, kind);
    }

    public static LintedPolicy unparsable(String file, String origin, SyntaxProblem problem, LintOptions options) {
        return unparsable(file, origin, problem, options, PolicyKind.IDENTITY);
    }

    public static LintedPolicy unparsable(String file, String origin, SyntaxProblem problem, LintOptions options,
            PolicyKind kind) {
        return new LintedPolicy(file, origin, problem.position(), Optional.empty(), Optional.of(problem), options, kind);
    }

    public boolean isTrust() {
        return kind == PolicyKind.TRUST;
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
