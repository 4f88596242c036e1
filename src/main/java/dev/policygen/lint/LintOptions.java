package dev.policygen.lint;

import dev.policygen.generate.SizeLimit;

/**
 * Settings that change what a rule reports on a policy: the size quota the policy must fit (PG402).
 * The client a policy is compared with (--client) is not here: the profile-diff rules receive it when
 * {@code lint.rules.RuleRegistry} builds them, so this package knows nothing of the diff.
 */
public record LintOptions(SizeLimit sizeLimit) {
    public static final LintOptions DEFAULT = new LintOptions(SizeLimit.MANAGED);
}
