package dev.policygen.lint;

import dev.policygen.generate.SizeLimit;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.Optional;

/**
 * Settings that change what rules report: the size quota the policy must fit, and the client whose
 * needs the policy is compared with (given with {@code --client}; PG501 and PG502 run only then).
 */
public record LintOptions(SizeLimit sizeLimit, Optional<ProfileDiff> profileDiff) {
    public static final LintOptions DEFAULT = new LintOptions(SizeLimit.MANAGED);

    public LintOptions(SizeLimit sizeLimit) {
        this(sizeLimit, Optional.empty());
    }
}
