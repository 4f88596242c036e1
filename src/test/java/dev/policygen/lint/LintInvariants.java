package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.SizeLimit;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.report.ReportFormat;
import java.util.List;
import java.util.Set;

/**
 * What lint promises for any input text, however broken: it returns findings instead of throwing,
 * every finding is one located line, and every report format renders them. Shared by the seeded
 * mutation loops and the Jazzer fuzz tests, so both hold the linter to the same contract.
 */
final class LintInvariants {
    private LintInvariants() {
    }

    static List<Finding> lintAndRender(String name, String text, SizeLimit limit) {
        List<Finding> findings = new Linter(Set.of()).lint(PolicyInputs.extract(name, text, new LintOptions(limit)));
        for (Finding finding : findings) {
            assertFalse(finding.message().contains("\n"), "a finding is one line: " + finding);
            assertTrue(finding.position().known(), "a finding has a position: " + finding);
        }
        for (ReportFormat format : ReportFormat.values()) {
            assertFalse(format.render(findings).isEmpty() && format != ReportFormat.TEXT);
        }
        return findings;
    }
}
