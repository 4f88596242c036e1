package dev.policygen.lint.rules;

import dev.policygen.eval.Evaluation;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.JudgedPolicy;
import dev.policygen.lint.diff.Probe;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;

/**
 * PG502: the policy allows a request the client given with --client never makes. The diff sends a
 * fixed set of probes (other names, types, change actions, zones and actions) and reports each one
 * allowed at the statement that allows it.
 */
public final class OverGrantRule extends ProfileDiffRule {

    public OverGrantRule(Optional<ProfileDiff> diff) {
        super("PG502", Severity.WARNING, "The policy allows a request the --client never makes.", diff);
    }

    @Override
    void check(ProfileDiff diff, JudgedPolicy policy, Blame blame) {
        for (Probe probe : diff.probes(policy)) {
            Evaluation evaluation = policy.evaluate(probe.request().access());
            if (evaluation.decision().allowed()) {
                StatementRef allow = evaluation.deciding().get(0);
                blame.report(Optional.of(allow), policy.describe(allow) + " allows "
                        + probe.request().description() + ", which " + diff.client() + " never needs ("
                        + probe.reason() + ")");
            }
        }
    }
}
