package dev.policygen.lint.rules;

import dev.policygen.InputException;
import dev.policygen.generate.SizeLimit;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;

/**
 * PG402: IAM counts policy size in characters without white space and rejects a policy over its
 * quota (LimitExceeded). Measured like the generator measures: {@link PolicyWriter#size}; a policy
 * the strict reader refuses is measured as written, minified.
 */
public final class PolicyTooLargeRule extends AbstractRule {
    public PolicyTooLargeRule() {
        super("PG402", Severity.ERROR, "The policy is larger than the chosen IAM size quota (--limit).");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        if (policy.document().isEmpty()) {
            return;
        }
        JsonNode root = policy.root().get();
        int size;
        try {
            size = PolicyWriter.size(PolicyReader.fromJson(root, policy.file()));
        } catch (InputException e) {
            size = JsonWriter.minified(root).length();
        }
        SizeLimit limit = policy.options().sizeLimit();
        if (size > limit.characters()) {
            reporter.report(root.position(), "policy is " + size + " characters without white space, "
                    + (size - limit.characters()) + " over the " + limit.id() + " quota of " + limit.characters()
                    + (limit.aggregate() ? " (which counts all inline policies of the principal together)" : ""));
        }
    }
}
