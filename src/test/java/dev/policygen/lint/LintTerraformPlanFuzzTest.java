package dev.policygen.lint;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.policygen.generate.SizeLimit;
import java.nio.charset.StandardCharsets;

/**
 * Jazzer: {@code terraform show -json} plans and states, whose policies are JSON strings inside
 * JSON, in modules and resource changes. Seeds are in LintTerraformPlanFuzzTestInputs; see
 * {@link LintPolicyJsonFuzzTest} for how it runs.
 */
class LintTerraformPlanFuzzTest {

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"format_version\"", "\"planned_values\"", "\"values\"", "\"resource_changes\"",
        "\"root_module\"", "\"child_modules\"", "\"resources\"", "\"address\"", "\"type\"", "\"change\"",
        "\"after\"", "\"policy\"", "\"aws_iam_policy\"", "\"aws_iam_role_policy\"", "\"aws_iam_user_policy\"",
        "\"aws_iam_group_policy\"", "\\\"Statement\\\"", "\\\"Effect\\\"", "\\\"Action\\\"", "\\\"Resource\\\"",
        "\\\"Condition\\\"", "\\\"Allow\\\"", "\\u0022", "\\\\052"})
    void terraformPlan(byte[] input) {
        LintInvariants.lintAndRender("plan.json", new String(input, StandardCharsets.UTF_8), SizeLimit.MANAGED);
    }
}
