package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM policies in a CloudFormation template (JSON or YAML): PolicyDocument of the policy
 * resources, each Policies[].PolicyDocument of roles, users and groups (identity policies), and the
 * AssumeRolePolicyDocument of roles (trust policies). A document given as an intrinsic function is
 * only known at deployment and is skipped.
 */
final class CloudFormationPolicies {
    private static final Set<String> POLICY_TYPES = Set.of("AWS::IAM::ManagedPolicy", "AWS::IAM::Policy",
            "AWS::IAM::RolePolicy", "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy");
    private static final String ROLE_TYPE = "AWS::IAM::Role";
    private static final Set<String> PRINCIPAL_TYPES = Set.of(ROLE_TYPE, "AWS::IAM::User", "AWS::IAM::Group");
    private static final String TRUST_DOCUMENT = "AssumeRolePolicyDocument";

    private CloudFormationPolicies() {
    }

    /**
     * A template is an object with a Resources object; a policy document never has one at the top,
     * so only a Statement beside it (a policy with a stray element) keeps it a policy.
     */
    static boolean recognizes(JsonNode.JsonObject root) {
        Optional<JsonNode> resources = root.get("Resources");
        if (resources.isEmpty() || !(resources.get() instanceof JsonNode.JsonObject)) {
            return false;
        }
        return root.member("AWSTemplateFormatVersion").isPresent() || root.member("Statement").isEmpty();
    }

    static void extract(String file, JsonNode.JsonObject root, LintOptions options, List<LintedPolicy> out) {
        JsonNode.JsonObject resources = (JsonNode.JsonObject) root.get("Resources").orElseThrow();
        for (JsonNode.Member resource : resources.members()) {
            Optional<String> type = text(resource.value(), "Type");
            Optional<JsonNode> properties = field(resource.value(), "Properties");
            if (type.isEmpty() || properties.isEmpty()) {
                continue;
            }
            String base = "Resources." + resource.key();
            if (POLICY_TYPES.contains(type.get())) {
                field(properties.get(), "PolicyDocument").ifPresent(d -> add(file, base + ".PolicyDocument", d, options,
                        PolicyKind.IDENTITY, out));
                continue;
            }
            if (ROLE_TYPE.equals(type.get())) {
                field(properties.get(), TRUST_DOCUMENT).ifPresent(d -> add(file, base + "." + TRUST_DOCUMENT, d, options,
                        PolicyKind.TRUST, out));
            }
            if (PRINCIPAL_TYPES.contains(type.get())
                    && field(properties.get(), "Policies").orElse(null) instanceof JsonNode.JsonArray policies) {
                for (int i = 0; i < policies.elements().size(); i++) {
                    String origin = base + ".Policies[" + i + "].PolicyDocument";
                    field(policies.elements().get(i), "PolicyDocument").ifPresent(d -> add(file, origin, d, options,
                            PolicyKind.IDENTITY, out));
                }
            }
        }
    }

    private static void add(String file, String origin, JsonNode document, LintOptions options, PolicyKind kind,
            List<LintedPolicy> out) {
        if (document instanceof JsonNode.JsonString s) {
            out.add(EmbeddedPolicies.parse(file, origin, s.value(), s.position(), options, kind));
        } else if (document instanceof JsonNode.JsonObject object && !dev.policygen.lint.Intrinsics.isIntrinsic(object)) {
            out.add(LintedPolicy.parsed(file, origin, object, options, kind));
        }
    }

    static Optional<JsonNode> field(JsonNode node, String key) {
        return node instanceof JsonNode.JsonObject object ? object.get(key) : Optional.empty();
    }

    static Optional<String> text(JsonNode node, String key) {
        return field(node, key).filter(JsonNode.JsonString.class::isInstance).map(n -> ((JsonNode.JsonString) n).value());
    }
}
