/**
 * Every lint rule, one class each with its id, severity and summary, and
 * {@link dev.policygen.lint.rules.RuleRegistry}, the one list of them. The registry is where the
 * rules meet the profile diff: it hands the client to compare with to PG501 and PG502, and the role
 * diff to PG503 and PG504 ({@code TrustDiffRule}), when it builds a linter. A rule's doc page ({@code docs/rules/<ID>.md}) takes its header from the rule. Beside
 * the rules are the few helpers a rule reads instead of holding inline: the ChangeResourceRecordSets
 * grants of a policy (PG2xx), the table of one-object kinds (PG306), and for the trust rules (PG6xx,
 * {@code TrustRule}) a trust policy's principals ({@code TrustPrincipal}) and which of its conditions
 * make sure a key is checked ({@code TrustConditions}); CIDR coverage (PG403) is
 * {@link dev.policygen.route53.AddressCoverage}, shared with generate's --source-ip check.
 */
package dev.policygen.lint.rules;
