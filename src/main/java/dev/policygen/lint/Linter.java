package dev.policygen.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs rules over policies, findings in compiler order. Which rules run is decided by the caller
 * ({@code lint.rules.RuleRegistry} knows them all), so this package depends on no rule; each rule
 * runs only on the kinds of policy it judges ({@link Rule#kinds()}).
 */
public final class Linter {
    private final List<Rule> rules;

    public Linter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Finding> lint(List<LintedPolicy> policies) {
        List<Finding> findings = new ArrayList<>();
        for (LintedPolicy policy : policies) {
            for (Rule rule : rules) {
                if (!rule.kinds().contains(policy.kind())) {
                    continue;
                }
                rule.check(policy, policies, new Reporter(rule, policy, findings));
            }
        }
        findings.sort(Finding.ORDER);
        return findings;
    }

    /** True when some finding is at least as severe as {@code threshold}; never true without one. */
    public static boolean reaches(List<Finding> findings, Optional<Severity> threshold) {
        return threshold.isPresent() && findings.stream().anyMatch(f -> f.severity().reaches(threshold.get()));
    }
}
