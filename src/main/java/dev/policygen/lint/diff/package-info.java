/**
 * What lint compares a policy with under {@code --client}: the requests the client makes, derived
 * from its profile as the generator derives statements, and the probes it never makes; and a lint
 * input compiled for the evaluator ({@link dev.policygen.lint.diff.DiffedPolicy}). The PG5xx rules
 * in {@code lint.rules} read these.
 */
package dev.policygen.lint.diff;
