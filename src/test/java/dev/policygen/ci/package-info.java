/**
 * Tests of what the repository root ships for CI (issue 14): the pre-commit hook
 * ({@code .pre-commit-hooks.yaml}, {@code bin/pre-commit-lint}) run by the real pre-commit, and the GitHub
 * Action ({@code action.yml}, {@code .github/action/lint.sh}) run with the variables a runner sets.
 */
package dev.policygen.ci;
