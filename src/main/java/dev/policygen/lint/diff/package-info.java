/**
 * What lint compares a policy with under {@code --client}: the requests the client makes, derived
 * from its profile as the generator derives statements, and the probes it never makes; and a lint
 * input compiled for the evaluator ({@link dev.policygen.lint.diff.DiffedPolicy}), or every identity policy of a
 * run taken as one role ({@link dev.policygen.lint.diff.DiffedIdentity}) for a client whose batches follow the
 * policy's name groups ({@link dev.policygen.lint.diff.GroupedNeeds}). Under
 * {@code --runtime} also the role diff ({@link dev.policygen.lint.diff.TrustDiff}): the caller the trust
 * generate writes admits and the callers it refuses, read back from that trust and its neighbours, and
 * a linted trust policy compiled for the chain evaluator ({@link dev.policygen.lint.diff.DiffedTrust}).
 * The PG5xx rules in {@code lint.rules} read these.
 */
package dev.policygen.lint.diff;
