/**
 * Every lint rule, one class each with its id, severity and summary, and
 * {@link dev.policygen.lint.rules.RuleRegistry}, the one list of them. The registry is where the
 * rules meet the profile diff: it hands the client to compare with to PG501 and PG502 when it builds
 * a linter. A rule's doc page ({@code docs/rules/<ID>.md}) takes its header from the rule. Beside
 * the rules are the few helpers a rule reads instead of holding inline: the ChangeResourceRecordSets
 * grants of a policy (PG2xx), and the table of one-object kinds (PG306); CIDR coverage (PG403) is
 * {@link dev.policygen.route53.AddressCoverage}, shared with generate's --source-ip check.
 */
package dev.policygen.lint.rules;
