package dev.policygen.lint.rules;

import dev.policygen.SourcePosition;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.DiffedIdentity;
import dev.policygen.lint.diff.DiffedPolicy;
import dev.policygen.lint.diff.JudgedPolicy;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that compares a policy with what the client given with --client does (PG5xx). It says
 * nothing without a client, and nothing on a policy the evaluator cannot decide reliably (not a valid
 * identity policy, or holding values only known at deployment): the grammar rules report why.
 *
 * <p>Each policy is judged on its own, except for a client whose batches follow the policy's statements
 * ({@link ProfileDiff#judgesRunTogether()}: renew, whose {@code generate --split} documents each grant one name
 * group and under-grant alone): then the identity policies of the run are judged together, as the one role they
 * are attached to ({@link DiffedIdentity}), once per run, and each finding goes to the input holding the
 * statement it blames (the first input when none is to blame).
 */
abstract class ProfileDiffRule extends AbstractRule {
    private final Optional<ProfileDiff> diff;
    /** The run last judged together (the same list for each of its policies), and its findings by input. */
    private List<LintedPolicy> judgedRun;
    private final Map<LintedPolicy, List<Found>> judged = new IdentityHashMap<>();

    ProfileDiffRule(String id, Severity severity, String summary, Optional<ProfileDiff> diff) {
        super(id, severity, summary);
        this.diff = diff;
    }

    /** Where a finding goes: at the statement to blame, or at the Statement element when none is. */
    interface Blame {
        void report(Optional<StatementRef> statement, String message);
    }

    private record Found(SourcePosition position, String message) {
    }

    /** The client's requests are judged against the identity policy that grants them, never a trust policy. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public final void check(LintedPolicy policy, Reporter reporter) {
        check(policy, List.of(policy), reporter);
    }

    @Override
    public final void check(LintedPolicy policy, List<LintedPolicy> run, Reporter reporter) {
        if (diff.isEmpty()) {
            return;
        }
        if (!diff.get().judgesRunTogether()) {
            Optional<DiffedPolicy> diffed = DiffedPolicy.of(policy);
            if (diffed.isPresent()) {
                DiffedPolicy one = diffed.get();
                check(diff.get(), one, (ref, message) -> reporter.report(
                        ref.map(one::position).orElse(one.statementsPosition()), message));
            }
            return;
        }
        if (run != judgedRun) {
            judge(run);
        }
        for (Found found : judged.getOrDefault(policy, List.of())) {
            reporter.report(found.position(), found.message());
        }
    }

    private void judge(List<LintedPolicy> run) {
        judgedRun = run;
        judged.clear();
        Optional<DiffedIdentity> identity = DiffedIdentity.of(run);
        if (identity.isEmpty()) {
            return;
        }
        DiffedIdentity all = identity.get();
        check(diff.get(), all, (ref, message) -> judged.computeIfAbsent(all.input(ref), p -> new ArrayList<>())
                .add(new Found(ref.map(all::position).orElse(all.statementsPosition()), message)));
    }

    abstract void check(ProfileDiff diff, JudgedPolicy policy, Blame blame);
}
