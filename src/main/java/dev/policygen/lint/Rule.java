package dev.policygen.lint;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One lint check with a stable id. A rule looks at one policy at a time and reports through the
 * {@link Reporter}, which fills in the rule id, severity and file; a rule that judges the policies of a run
 * together (the profile diff of a client whose batches follow the policy's statements, which judges a
 * {@code --split} set as the one role it is attached to) overrides {@link #check(LintedPolicy, List, Reporter)}. Rules must not throw on any input:
 * the tree they get may hold any JSON at all.
 */
public interface Rule {

    /** Stable id such as {@code PG201}; the name of the rule's doc page and fixture directory. */
    String id();

    Severity severity();

    /** One line saying what the rule flags, for SARIF and {@code --list-rules}. */
    String summary();

    /**
     * The rule's name in the title of its doc page, spelt from its class so it is stated once:
     * {@code ChangeWithoutRecordNamesRule} is {@code change-without-record-names}.
     */
    default String name() {
        String words = getClass().getSimpleName().replaceFirst("Rule$", "");
        return words.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * The kinds of policy this rule judges; the {@link Linter} runs it on no other. Grammar rules judge
     * both; the Route 53 rules only identity policies; the trust rules (PG6xx) only trust policies.
     */
    default Set<PolicyKind> kinds() {
        return EnumSet.allOf(PolicyKind.class);
    }

    void check(LintedPolicy policy, Reporter reporter);

    /**
     * Checks {@code policy}, one of the policies linted together in {@code run} (in input order). Reports
     * only findings in {@code policy}. By default the other policies do not matter.
     */
    default void check(LintedPolicy policy, List<LintedPolicy> run, Reporter reporter) {
        check(policy, reporter);
    }
}
