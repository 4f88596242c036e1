package dev.policygen.lint.rules;

import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.ClientRequest;
import dev.policygen.lint.diff.DiffedPolicy;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;

/**
 * PG501: the policy denies a request the client given with --client makes, so issuing or renewing
 * fails. Each denied request is reported where the evaluator puts the blame: the Deny statement that
 * matched, else the Allow statement that came closest and why it did not apply.
 */
public final class UnderGrantRule extends AbstractRule {

    public UnderGrantRule() {
        super("PG501", Severity.ERROR, "The policy denies a request the --client makes for these domains.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        Optional<ProfileDiff> diff = policy.options().profileDiff();
        Optional<DiffedPolicy> diffed = diff.isEmpty() ? Optional.empty() : DiffedPolicy.of(policy);
        if (diffed.isEmpty()) {
            return;
        }
        for (ClientRequest needed : diff.get().needed()) {
            Evaluation evaluation = diffed.get().evaluate(needed.access());
            if (evaluation.decision().allowed()) {
                continue;
            }
            String head = diff.get().client() + " sends " + needed.description() + ", which this policy denies: ";
            if (!evaluation.deciding().isEmpty()) {
                StatementRef deny = evaluation.deciding().get(0);
                reporter.report(diffed.get().position(deny), head + "explicitly, by " + diffed.get().describe(deny));
                continue;
            }
            Optional<Mismatch> closest = diffed.get().closest(evaluation);
            if (closest.isPresent()) {
                StatementRef ref = closest.get().statement();
                reporter.report(diffed.get().position(ref), head + diffed.get().describe(ref) + " covers the action"
                        + " but not this request (" + closest.get().element().json() + ": " + closest.get().reason()
                        + ")");
            } else {
                reporter.report(diffed.get().statementsPosition(), head + "no statement grants "
                        + needed.access().action());
            }
        }
    }
}
