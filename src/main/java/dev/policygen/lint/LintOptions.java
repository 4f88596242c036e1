package dev.policygen.lint;

import dev.policygen.generate.SizeLimit;

/** Settings that change what rules report: the size quota the policy must fit. */
public record LintOptions(SizeLimit sizeLimit) {
    public static final LintOptions DEFAULT = new LintOptions(SizeLimit.MANAGED);
}
