package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM policies in {@code terraform show -json} output, plan or state: the {@code policy} string
 * of aws_iam_policy and the inline role, user and group policy resources, and of aws_iam_role its trust
 * policy ({@code assume_role_policy}) and its {@code inline_policy} blocks (named
 * {@code aws_iam_role.x.inline_policy["name"]}), in every module; and the rendered {@code json} of
 * aws_iam_policy_document data sources (in prior_state, where a plan keeps what it read) that no resource
 * of the plan holds. A resource found both in planned_values
 * and resource_changes is linted once. Each policy is placed at its string, as the plan holds it.
 */
final class TerraformPlanPolicies {
    private static final Set<String> TYPES = Set.of("aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy",
            "aws_iam_group_policy");
    private static final String ROLE = "aws_iam_role";
    private static final String TRUST_ATTRIBUTE = "assume_role_policy";
    private static final String INLINE_ATTRIBUTE = "inline_policy";
    private static final String DOCUMENT = "aws_iam_policy_document";

    /** A policy string found in the plan and what it is; no kind for a policy document data source. */
    private record Found(JsonNode.JsonString text, PolicyKind kind) {
    }

    private TerraformPlanPolicies() {
    }

    static boolean recognizes(JsonNode.JsonObject root) {
        return root.member("format_version").isPresent() && (root.member("planned_values").isPresent()
                || root.member("resource_changes").isPresent() || root.member("values").isPresent());
    }

    static void extract(String file, JsonNode.JsonObject root, LintOptions options, List<LintedPolicy> out) {
        Map<String, Found> policies = new LinkedHashMap<>();
        for (String section : List.of("planned_values", "values")) {
            CloudFormationPolicies.field(root, section).flatMap(v -> CloudFormationPolicies.field(v, "root_module"))
                    .ifPresent(module -> module(module, policies, false));
        }
        // a plan keeps the data sources it read in prior_state; its managed resources there are the old values
        CloudFormationPolicies.field(root, "prior_state").flatMap(v -> CloudFormationPolicies.field(v, "values"))
                .flatMap(v -> CloudFormationPolicies.field(v, "root_module"))
                .ifPresent(module -> module(module, policies, true));
        if (root.get("resource_changes").orElse(null) instanceof JsonNode.JsonArray changes) {
            for (JsonNode change : changes.elements()) {
                Optional<JsonNode> after = CloudFormationPolicies.field(change, "change")
                        .flatMap(c -> CloudFormationPolicies.field(c, "after"));
                after.ifPresent(a -> resource(change, a, policies));
            }
        }
        Set<String> texts = new HashSet<>();
        policies.values().stream().filter(p -> p.kind() != null).forEach(p -> texts.add(p.text().value()));
        policies.forEach((address, policy) -> {
            if (policy.kind() != null) {
                out.add(EmbeddedPolicies.parse(file, address, policy.text().value(), policy.text().position(), options,
                        policy.kind()));
            } else if (!texts.contains(policy.text().value())) {
                out.add(document(file, address, policy.text(), options));
            }
        });
    }

    /**
     * An aws_iam_policy_document's rendered {@code json}, linted when no resource of the plan holds the same text
     * (where it is used, it is linted there, once); its kind is read from the document, since a trust policy is
     * rendered the same way.
     */
    private static LintedPolicy document(String file, String address, JsonNode.JsonString json, LintOptions options) {
        LintedPolicy parsed = EmbeddedPolicies.parse(file, address, json.value(), json.position(), options,
                PolicyKind.IDENTITY);
        return parsed.root().map(r -> EmbeddedPolicies.parse(file, address, json.value(), json.position(), options,
                PolicyKind.of(r))).orElse(parsed);
    }

    private static void module(JsonNode module, Map<String, Found> policies, boolean dataOnly) {
        if (CloudFormationPolicies.field(module, "resources").orElse(null) instanceof JsonNode.JsonArray resources) {
            for (JsonNode resource : resources.elements()) {
                if (dataOnly && !CloudFormationPolicies.text(resource, "mode").filter("data"::equals).isPresent()) {
                    continue;
                }
                CloudFormationPolicies.field(resource, "values").ifPresent(v -> resource(resource, v, policies));
            }
        }
        if (CloudFormationPolicies.field(module, "child_modules").orElse(null) instanceof JsonNode.JsonArray children) {
            children.elements().forEach(child -> module(child, policies, dataOnly));
        }
    }

    private static void resource(JsonNode resource, JsonNode values, Map<String, Found> policies) {
        Optional<String> type = CloudFormationPolicies.text(resource, "type");
        Optional<String> address = CloudFormationPolicies.text(resource, "address");
        if (type.isEmpty() || address.isEmpty()) {
            return;
        }
        if (TYPES.contains(type.get())
                && CloudFormationPolicies.field(values, "policy").orElse(null) instanceof JsonNode.JsonString policy) {
            policies.putIfAbsent(address.get(), new Found(policy, PolicyKind.IDENTITY));
        } else if (type.get().equals(DOCUMENT)
                && CloudFormationPolicies.field(values, "json").orElse(null) instanceof JsonNode.JsonString json
                && !json.value().isBlank()) {
            policies.putIfAbsent(address.get(), new Found(json, null));
        } else if (type.get().equals(ROLE)) {
            if (CloudFormationPolicies.field(values, TRUST_ATTRIBUTE).orElse(null) instanceof JsonNode.JsonString trust) {
                policies.putIfAbsent(address.get() + "." + TRUST_ATTRIBUTE, new Found(trust, PolicyKind.TRUST));
            }
            inlinePolicies(address.get(), values, policies);
        }
    }

    /**
     * A role's {@code inline_policy} blocks, a list in the plan. A block without a policy string (unknown until
     * apply, or the empty block that tells Terraform to remove every inline policy) holds nothing to lint.
     */
    private static void inlinePolicies(String role, JsonNode values, Map<String, Found> policies) {
        if (!(CloudFormationPolicies.field(values, INLINE_ATTRIBUTE).orElse(null) instanceof JsonNode.JsonArray blocks)) {
            return;
        }
        for (int i = 0; i < blocks.elements().size(); i++) {
            JsonNode block = blocks.elements().get(i);
            if (!(CloudFormationPolicies.field(block, "policy").orElse(null) instanceof JsonNode.JsonString policy)
                    || policy.value().isBlank()) {
                continue;
            }
            String key = CloudFormationPolicies.text(block, "name").filter(n -> !n.isEmpty())
                    .map(n -> "\"" + n + "\"").orElse(String.valueOf(i));
            policies.putIfAbsent(role + "." + INLINE_ATTRIBUTE + "[" + key + "]", new Found(policy, PolicyKind.IDENTITY));
        }
    }
}
