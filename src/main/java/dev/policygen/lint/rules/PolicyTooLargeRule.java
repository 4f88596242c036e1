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
 * the strict reader refuses is measured as written, minified. A trust policy is held to the trust
 * policy quota instead of --limit's.
 */
public final class PolicyTooLargeRule extends AbstractRule {
    /**
     * A role's trust policy has its own quota, whatever --limit says: 2,048 characters without white
     * space by default, adjustable to 4,096 (../shared/reference/identity-and-fleet.md section 2).
     */
    static final int TRUST_QUOTA = 2048;

    public PolicyTooLargeRule() {
        super("PG402", Severity.ERROR, "The policy is larger than the chosen IAM size quota (--limit; a trust policy: 2,048).");
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
        if (policy.isTrust()) {
            if (size > TRUST_QUOTA) {
                reporter.report(root.position(), "trust policy is " + size + " characters without white space, "
                        + (size - TRUST_QUOTA) + " over IAM's default role trust policy quota of " + TRUST_QUOTA
                        + " (an account can raise it to 4096)");
            }
            return;
        }
        SizeLimit limit = policy.options().sizeLimit();
        if (size > limit.characters()) {
            reporter.report(root.position(), "policy is " + size + " characters without white space, "
                    + (size - limit.characters()) + " over the " + limit.id() + " quota of " + limit.characters()
                    + (limit.aggregate() ? " (which counts all inline policies of the principal together)" : ""));
        }
    }
}
