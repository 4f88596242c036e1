package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;

/** PG101: without Version, IAM assumes 2008-10-17, where policy variables are literal text. */
public final class MissingVersionRule extends AbstractRule {
    public MissingVersionRule() {
        super("PG101", Severity.WARNING, "The policy has no Version element.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.document().filter(d -> d.member("Version").isEmpty()).ifPresent(d ->
                reporter.report(d.position(), "policy has no \"Version\"; add \"Version\": \"2012-10-17\""));
    }
}
