package dev.policygen.lint.rules;

import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.ClientRequest;
import dev.policygen.lint.diff.JudgedPolicy;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.List;
import java.util.Optional;

/**
 * PG501: the policy denies a request the client given with --client makes, so issuing or renewing
 * fails. Each denied request is reported where the evaluator puts the blame: the Deny statement that
 * matched, else the Allow statement that came closest and why it did not apply.
 */
public final class UnderGrantRule extends ProfileDiffRule {
    /** A condition's values shown in a finding; a name group lists 163, which would bury the finding. */
    private static final int VALUES_SHOWN = 5;

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
            Optional<Mismatch> closest = diff.blame(policy, needed)
                    .flatMap(ref -> evaluation.notApplied().stream().filter(m -> m.statement().equals(ref)).findFirst())
                    .or(() -> policy.closest(evaluation));
            if (closest.isPresent()) {
                StatementRef ref = closest.get().statement();
                blame.report(Optional.of(ref), head + policy.describe(ref) + " covers the action"
                        + " but not this request (" + closest.get().element().json() + ": " + reason(closest.get()) + ")");
            } else {
                blame.report(Optional.empty(), head + "no statement grants "
                        + needed.access().action());
            }
        }
    }

    /** Why the statement did not apply, its condition's value list cut to the first few (the count says the rest). */
    private static String reason(Mismatch mismatch) {
        if (mismatch.condition() == null || mismatch.condition().policyValues().size() <= VALUES_SHOWN) {
            return mismatch.reason();
        }
        List<String> values = mismatch.condition().policyValues();
        return mismatch.condition().operator().json() + " " + mismatch.condition().key() + " ["
                + String.join(", ", values.subList(0, VALUES_SHOWN)) + " and " + (values.size() - VALUES_SHOWN)
                + " more]: " + mismatch.outcome().reason();
    }
}
