package dev.policygen.lint.rules;

import dev.policygen.eval.Evaluation;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.DiffedPolicy;
import dev.policygen.lint.diff.Probe;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;

/**
 * PG502: the policy allows a request the client given with --client never makes. The diff sends a
 * fixed set of probes (other names, types, change actions, zones and actions) and reports each one
 * allowed at the statement that allows it.
 */
public final class OverGrantRule extends AbstractRule {

    public OverGrantRule() {
        super("PG502", Severity.WARNING, "The policy allows a request the --client never makes.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        Optional<ProfileDiff> diff = policy.options().profileDiff();
        Optional<DiffedPolicy> diffed = diff.isEmpty() ? Optional.empty() : DiffedPolicy.of(policy);
        if (diffed.isEmpty()) {
            return;
        }
        for (Probe probe : diff.get().probes()) {
            Evaluation evaluation = diffed.get().evaluate(probe.request().access());
            if (evaluation.decision().allowed()) {
                StatementRef allow = evaluation.deciding().get(0);
                reporter.report(diffed.get().position(allow), diffed.get().describe(allow) + " allows "
                        + probe.request().description() + ", which " + diff.get().client() + " never needs ("
                        + probe.reason() + ")");
            }
        }
    }
}
