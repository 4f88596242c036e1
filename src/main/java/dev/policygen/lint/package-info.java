/**
 * The core of {@code policygen lint}: a policy as rules see it ({@link dev.policygen.lint.LintedPolicy},
 * its statement and condition views, its {@link dev.policygen.lint.PolicyKind}: identity or trust
 * policy), the {@link dev.policygen.lint.Rule} contract, findings and
 * their severities, the {@link dev.policygen.lint.Linter} that runs the rules it is given, and the lint
 * config ({@link dev.policygen.lint.LintConfig}) with its suppressions, each with a written reason, which
 * {@link dev.policygen.lint.Suppressions} applies to a run's findings. It
 * depends on no package below it: the rules ({@code lint.rules}), the profile diff ({@code lint.diff}),
 * the input readers ({@code lint.input}) and the reports ({@code lint.report}) all build on it.
 */
package dev.policygen.lint;
