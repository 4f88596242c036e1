package dev.policygen.lint.rules;

import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.ClientRequest;
import dev.policygen.lint.diff.JudgedPolicy;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;

/**
 * PG501: the policy denies a request the client given with --client makes, so issuing or renewing
 * fails. Each denied request is reported where the evaluator puts the blame: the Deny statement that
 * matched, else the Allow statement that came closest and why it did not apply.
 */
public final class UnderGrantRule extends ProfileDiffRule {

    public UnderGrantRule(Optional<ProfileDiff> diff) {
        super("PG501", Severity.ERROR, "The policy denies a request the --client makes for these domains.", diff);
    }

    @Override
    void check(ProfileDiff diff, JudgedPolicy policy, Blame blame) {
        for (ClientRequest needed : diff.needed(policy)) {
            Evaluation evaluation = policy.evaluate(needed.access());
            if (evaluation.decision().allowed()) {
                continue;
            }
            String head = diff.client() + " sends " + needed.description() + ", which " + policy.denies() + ": ";
            if (!evaluation.deciding().isEmpty()) {
                StatementRef deny = evaluation.deciding().get(0);
                blame.report(Optional.of(deny), head + "explicitly, by " + policy.describe(deny));
                continue;
            }
            Optional<Mismatch> closest = policy.closest(evaluation);
            if (closest.isPresent()) {
                StatementRef ref = closest.get().statement();
                blame.report(Optional.of(ref), head + policy.describe(ref) + " covers the action"
                        + " but not this request (" + closest.get().element().json() + ": " + closest.get().reason()
                        + ")");
            } else {
                blame.report(Optional.empty(), head + "no statement grants "
                        + needed.access().action());
            }
        }
    }
}
