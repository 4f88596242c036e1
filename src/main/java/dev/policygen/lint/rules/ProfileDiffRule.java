package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.DiffedPolicy;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that compares a policy with what the client given with --client does (PG5xx). It says
 * nothing without a client, and nothing on a policy the evaluator cannot decide reliably (not a valid
 * identity policy, or holding values only known at deployment): the grammar rules report why.
 */
abstract class ProfileDiffRule extends AbstractRule {
    private final Optional<ProfileDiff> diff;

    ProfileDiffRule(String id, Severity severity, String summary, Optional<ProfileDiff> diff) {
        super(id, severity, summary);
        this.diff = diff;
    }

    /** The client's requests are judged against the identity policy that grants them, never a trust policy. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public final void check(LintedPolicy policy, Reporter reporter) {
        if (diff.isEmpty()) {
            return;
        }
        Optional<DiffedPolicy> diffed = DiffedPolicy.of(policy);
        if (diffed.isPresent()) {
            check(diff.get(), diffed.get(), reporter);
        }
    }

    abstract void check(ProfileDiff diff, DiffedPolicy policy, Reporter reporter);
}
