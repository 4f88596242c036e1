package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.DiffedTrust;
import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.diff.TrustDiff;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that compares a trust policy with the one generate writes for {@code --client ... --runtime
 * KIND} (PG503, PG504). It says nothing without a runtime, and nothing on a trust policy the evaluator
 * cannot read (a NotPrincipal, values only known at deployment): other rules report why.
 */
abstract class TrustDiffRule extends AbstractRule {
    private final Optional<TrustDiff> diff;

    TrustDiffRule(String id, Severity severity, String summary, Optional<ProfileDiff> diff) {
        super(id, severity, summary);
        this.diff = diff.flatMap(ProfileDiff::trust);
    }

    /** Who may assume a role is judged on its trust policy, never on a permission policy. */
    @Override
    public final Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.TRUST);
    }

    @Override
    public final void check(LintedPolicy policy, Reporter reporter) {
        if (diff.isEmpty()) {
            return;
        }
        Optional<DiffedTrust> diffed = DiffedTrust.of(policy);
        if (diffed.isPresent()) {
            check(diff.get(), diffed.get(), reporter);
        }
    }

    abstract void check(TrustDiff diff, DiffedTrust trust, Reporter reporter);
}
