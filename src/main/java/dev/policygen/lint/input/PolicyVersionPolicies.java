package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import java.util.List;

/**
 * {@code aws iam get-policy-version} output. The AWS CLI decodes PolicyVersion.Document into an
 * object; the raw API (and some SDKs) return it as a URL-encoded JSON string ({@link IamApiDocuments}).
 */
final class PolicyVersionPolicies {
    private static final String ORIGIN = "PolicyVersion.Document";

    private PolicyVersionPolicies() {
    }

    static boolean recognizes(JsonNode.JsonObject root) {
        return CloudFormationPolicies.field(root, "PolicyVersion").flatMap(v -> CloudFormationPolicies.field(v, "Document"))
                .isPresent();
    }

    static void extract(String file, JsonNode.JsonObject root, LintOptions options, List<LintedPolicy> out) {
        JsonNode document = CloudFormationPolicies.field(root, "PolicyVersion")
                .flatMap(v -> CloudFormationPolicies.field(v, "Document")).orElseThrow();
        out.add(IamApiDocuments.policy(file, ORIGIN, false, document, options, PolicyKind.IDENTITY));
    }
}
