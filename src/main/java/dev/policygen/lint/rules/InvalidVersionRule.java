package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.model.PolicyDocument;

/** PG102: IAM rejects any Version but its two dates. */
public final class InvalidVersionRule extends AbstractRule {
    public InvalidVersionRule() {
        super("PG102", Severity.ERROR, "Version is not 2012-10-17 or 2008-10-17.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.document().flatMap(d -> d.get("Version")).ifPresent(version -> {
            boolean known = version instanceof JsonNode.JsonString s
                    && (s.value().equals(PolicyDocument.VERSION_2012) || s.value().equals(PolicyDocument.VERSION_2008));
            if (!known) {
                String shown = version instanceof JsonNode.JsonString s ? "\"" + s.value() + "\"" : version.typeName();
                reporter.report(version.position(), "Version " + shown + " is not valid; use \""
                        + PolicyDocument.VERSION_2012 + "\"");
            }
        });
    }
}
