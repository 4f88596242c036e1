package dev.policygen.lint.diff;

/**
 * A caller the trust generate writes refuses, sent to a linted trust policy to find who else may
 * assume the role; {@code kind} says how it differs from the intended caller ("another namespace"),
 * and findings are grouped by it.
 */
public record TrustProbe(TrustCaller caller, String kind) {
}
