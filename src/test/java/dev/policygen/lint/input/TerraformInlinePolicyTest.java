package dev.policygen.lint.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.lint.Finding;
import dev.policygen.lint.LintFiles;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (CI): the {@code inline_policy} blocks of aws_iam_role in a Terraform plan are linted like the
 * other policy strings, each named by its block and placed at its string. The fixture's role has a bad block
 * ("dns"), one generate wrote for lego, and the empty block that removes inline policies; the same values are
 * in planned_values and resource_changes. And the aws_iam_policy_document data sources a plan read.
 */
class TerraformInlinePolicyTest {
    private static final Path PLAN = LintFiles.testResource("inputs/terraform-plan-inline-policy.json");

    @TempDir
    Path dir;

    @Test
    void everyInlinePolicyBlockIsFoundOnceWithItsName() {
        List<LintedPolicy> policies = PolicyInputs.extract(PLAN.toString(), LintFiles.read(PLAN), LintOptions.DEFAULT);
        assertEquals(List.of("aws_iam_role.acme.assume_role_policy", "aws_iam_role.acme.inline_policy[\"dns\"]",
                "aws_iam_role.acme.inline_policy[\"lego\"]"), policies.stream().map(LintedPolicy::origin).toList());
    }

    @Test
    void findingsPointAtTheBlocksStringAndNameTheBlock() {
        List<Finding> findings = LintFiles.lint(PLAN);
        assertEquals(List.of("PG201", "PG202", "PG204", "PG205", "PG301"),
                findings.stream().map(Finding::ruleId).toList(), "the lego block and the trust policy are clean");
        for (Finding finding : findings) {
            assertEquals(18, finding.position().line(), "the dns block's policy string");
            assertTrue(finding.message().endsWith("[aws_iam_role.acme.inline_policy[\"dns\"]]"), finding.message());
        }
    }

    @Test
    void policyDocumentDataSourcesAreLintedWhereNoResourceHoldsThem() {
        Path plan = LintFiles.testResource("inputs/terraform-plan-policy-document.json");
        List<LintedPolicy> policies = PolicyInputs.extract(plan.toString(), LintFiles.read(plan), LintOptions.DEFAULT);
        // data...used renders aws_iam_policy.used's policy: linted there, once; prior_state's old managed
        // aws_iam_policy.used ("Action": "*") is what the plan replaces, not linted
        assertEquals(List.of("aws_iam_policy.used", "data.aws_iam_policy_document.dns",
                "data.aws_iam_policy_document.trust"), policies.stream().map(LintedPolicy::origin).toList());
        assertTrue(policies.get(0).root().orElseThrow().toString().contains("route53:GetChange"));
        assertEquals(List.of(PolicyKind.IDENTITY, PolicyKind.IDENTITY, PolicyKind.TRUST),
                policies.stream().map(LintedPolicy::kind).toList(), "a trust document is judged as one");
        List<String> findings = LintFiles.lint(plan).stream().map(f -> f.ruleId() + "@" + f.position().line()).toList();
        assertEquals(List.of("PG201@32", "PG202@32", "PG204@32", "PG205@32", "PG301@32", "PG601@52", "PG603@52"),
                findings);
    }

    @Test
    void aSidSuppressionReachesAOneStatementInlinePolicy() throws Exception {
        Path config = dir.resolve("lint.json");
        Files.writeString(config, "{\"suppress\": [{\"rule\": \"PG301\", \"file\": \"" + PLAN + "\", \"sid\": \"Dns\","
                + " \"reason\": \"a fixture\"}]}");
        CliRun run = CliRun.of("lint", "--config", config.toString(), PLAN.toString());
        assertTrue(run.out().contains(":18:27: suppressed PG301 "), run.all());
        assertTrue(run.out().contains(":18:27: error PG201 "), run.all());
    }
}
