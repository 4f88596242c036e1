package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.identity.RoleRequest;
import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.report.ReportFormat;
import dev.policygen.lint.rules.RuleRegistry;
import dev.policygen.profile.Profiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What lint promises for any input text, however broken: it returns findings instead of throwing,
 * every finding is one located line, and every report format renders them. Shared by the seeded
 * mutation loops and the Jazzer fuzz tests, so both hold the linter to the same contract.
 */
final class LintInvariants {
    /** The profile diff runs too, so PG501 to PG504 see every input the loops and fuzzers make. */
    private static final Optional<ProfileDiff> DIFF = diff();

    private static Optional<ProfileDiff> diff() {
        try {
            // with a role, so PG503 and PG504 judge every trust policy the loops and fuzzers make too
            return Optional.of(ProfileDiff.of(GenerateRequest.builder(Profiles.bundled().find("lego"))
                    .zone(ZoneRef.parse("Z11111112222222333333")).domain(DomainRequest.parse("example.com"))
                    .domain(DomainRequest.parse("*.example.com")).account("111122223333")
                    .role(RoleRequest.parse("eks-irsa", null, Map.of("--oidc-provider",
                            "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
                            "--service-account", "cert-manager/cert-manager"))).build(), "lego"));
        } catch (dev.policygen.UsageException e) {
            throw new IllegalStateException(e);
        }
    }

    private LintInvariants() {
    }

    static List<Finding> lintAndRender(String name, String text, SizeLimit limit) {
        List<Finding> findings = RuleRegistry.linter(Set.of(), DIFF).lint(PolicyInputs.extract(name, text, new LintOptions(limit)));
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
