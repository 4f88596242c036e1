package dev.policygen.lint.input;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.SyntaxProblem;
import dev.policygen.yaml.YamlTreeReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the policies in one input text, whatever it is: a policy document (identity or trust),
 * get-policy-version output, get-role or list-roles output (trust policies), a Terraform plan, or a
 * CloudFormation template in JSON or YAML. Text that does not parse
 * is itself a policy that PG100 reports, so one bad file never hides the others.
 */
public final class PolicyInputs {
    private static final Pattern YAML_TEMPLATE =
            Pattern.compile("(?m)^\\s*(AWSTemplateFormatVersion|Resources|Transform|Parameters)\\s*:");

    private PolicyInputs() {
    }

    public static List<LintedPolicy> extract(String file, String text, LintOptions options) {
        boolean yaml = isYaml(file, text);
        JsonNode root;
        try {
            root = yaml ? YamlTreeReader.readCloudFormation(text, file) : JsonReader.read(text, file);
        } catch (InputException e) {
            String message = yaml ? e.getMessage().replaceFirst("^invalid JSON", "invalid YAML") : e.getMessage();
            return List.of(LintedPolicy.unparsable(file, "", new SyntaxProblem(
                    e.position().known() ? e.position() : new dev.policygen.SourcePosition(1, 1), message), options));
        }
        List<LintedPolicy> policies = new ArrayList<>();
        if (root instanceof JsonNode.JsonObject object) {
            if (PolicyVersionPolicies.recognizes(object)) {
                PolicyVersionPolicies.extract(file, object, options, policies);
                return policies;
            }
            if (RolePolicies.recognizes(object)) {
                RolePolicies.extract(file, object, options, policies);
                return policies;
            }
            if (TerraformPlanPolicies.recognizes(object)) {
                TerraformPlanPolicies.extract(file, object, options, policies);
                return policies;
            }
            if (CloudFormationPolicies.recognizes(object)) {
                CloudFormationPolicies.extract(file, object, options, policies);
                return policies;
            }
        }
        policies.add(LintedPolicy.parsed(file, "", root, options));
        return policies;
    }

    /** By extension, or for stdin and other names by a template's top-level keys. */
    static boolean isYaml(String file, String text) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        if (lower.endsWith(".json")) {
            return false;
        }
        String start = text.stripLeading();
        return !start.startsWith("{") && !start.startsWith("[") && YAML_TEMPLATE.matcher(text).find();
    }
}
