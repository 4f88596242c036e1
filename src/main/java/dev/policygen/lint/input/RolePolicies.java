package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import java.util.List;
import java.util.Optional;

/**
 * The trust policies in {@code aws iam get-role} output ({@code {"Role": {..., "AssumeRolePolicyDocument":
 * ...}}}) and {@code aws iam list-roles} output ({@code {"Roles": [...]}}): each role's
 * AssumeRolePolicyDocument, an object from the AWS CLI or a URL-encoded string from the raw API.
 */
final class RolePolicies {
    private static final String DOCUMENT = "AssumeRolePolicyDocument";

    private RolePolicies() {
    }

    static boolean recognizes(JsonNode.JsonObject root) {
        if (CloudFormationPolicies.field(root, "Role").flatMap(r -> CloudFormationPolicies.field(r, DOCUMENT)).isPresent()) {
            return true;
        }
        return root.get("Roles").orElse(null) instanceof JsonNode.JsonArray roles
                && roles.elements().stream().anyMatch(r -> CloudFormationPolicies.field(r, DOCUMENT).isPresent());
    }

    static void extract(String file, JsonNode.JsonObject root, LintOptions options, List<LintedPolicy> out) {
        Optional<JsonNode> single = CloudFormationPolicies.field(root, "Role").flatMap(r -> CloudFormationPolicies.field(r, DOCUMENT));
        if (single.isPresent()) {
            out.add(IamApiDocuments.policy(file, "Role." + DOCUMENT, false, single.get(), options, PolicyKind.TRUST));
            return;
        }
        List<JsonNode> roles = ((JsonNode.JsonArray) root.get("Roles").orElseThrow()).elements();
        for (int i = 0; i < roles.size(); i++) {
            int index = i;
            CloudFormationPolicies.field(roles.get(i), DOCUMENT).ifPresent(d -> out.add(IamApiDocuments.policy(file,
                    "Roles[" + index + "]." + DOCUMENT, true, d, options, PolicyKind.TRUST)));
        }
    }
}
