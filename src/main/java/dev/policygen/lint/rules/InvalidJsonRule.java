package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;

/** PG100: the policy text (or YAML template, or embedded JSON string) does not parse. */
public final class InvalidJsonRule extends AbstractRule {
    public InvalidJsonRule() {
        super("PG100", Severity.ERROR, "The policy is not valid JSON (or the template is not valid YAML).");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        policy.syntaxProblem().ifPresent(p -> reporter.report(p.position(), p.message()));
    }
}
