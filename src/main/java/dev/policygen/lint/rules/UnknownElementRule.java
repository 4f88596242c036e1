package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.Set;

/** PG107: an element IAM does not know, often a typo such as "Resources" or "Actions". */
public final class UnknownElementRule extends AbstractRule {
    private static final Set<String> DOCUMENT = Set.of("Version", "Id", "Statement");
    // Principal and NotPrincipal are known elements that are wrong here: PG106 reports them.
    private static final Set<String> STATEMENT = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Principal", "NotPrincipal");

    public UnknownElementRule() {
        super("PG107", Severity.ERROR, "An element IAM does not know in the policy or a statement.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.document().ifPresent(d -> report(d, DOCUMENT, "policy", reporter));
        for (StatementView statement : policy.statements()) {
            report(statement.object(), STATEMENT, "statement", reporter);
        }
    }

    private static void report(JsonNode.JsonObject object, Set<String> known, String where, Reporter reporter) {
        for (JsonNode.Member member : object.members()) {
            if (!known.contains(member.key())) {
                reporter.report(member.keyPosition(), "unknown element \"" + member.key() + "\" in " + where
                        + "; IAM rejects it (element names are case-sensitive)");
            }
        }
    }
}
