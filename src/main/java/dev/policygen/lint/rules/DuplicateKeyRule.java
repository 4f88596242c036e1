package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;

/**
 * PG109: a key twice in one object. Most JSON parsers keep only the last one, so what a reviewer
 * reads is not what IAM or Terraform sees; IAM rejects duplicate keys.
 */
public final class DuplicateKeyRule extends AbstractRule {
    public DuplicateKeyRule() {
        super("PG109", Severity.ERROR, "A key appears twice in one JSON object.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.root().ifPresent(root -> walk(root, reporter));
    }

    private static void walk(JsonNode node, Reporter reporter) {
        if (node instanceof JsonNode.JsonObject object) {
            for (JsonNode.Member duplicate : object.duplicateMembers()) {
                reporter.report(duplicate.keyPosition(), "duplicate key \"" + duplicate.key()
                        + "\"; parsers silently keep one of the values");
            }
            object.members().forEach(m -> walk(m.value(), reporter));
        } else if (node instanceof JsonNode.JsonArray array) {
            array.elements().forEach(e -> walk(e, reporter));
        }
    }
}
