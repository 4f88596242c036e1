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

    /**
     * Whether {@code text} is something lint reads: a policy document (an object with Statement or Version),
     * IAM API output, a Terraform plan or a CloudFormation template. For scanning a whole repository
     * (the pre-commit hook, the GitHub Action), where package.json or a workflow YAML is no policy and
     * must not fail the run. Text that does not parse counts when it names a Statement, so a broken
     * policy is still reported (PG100) rather than skipped.
     */
    public static boolean recognizes(String file, String text) {
        JsonNode root;
        try {
            root = isYaml(file, text) ? YamlTreeReader.readCloudFormation(text, file) : JsonReader.read(text, file);
        } catch (InputException | RuntimeException e) {
            return text.contains("Statement");
        }
        if (!(root instanceof JsonNode.JsonObject object)) {
            return false;
        }
        return object.member("Statement").isPresent() || object.member("Version").isPresent()
                || PolicyVersionPolicies.recognizes(object) || RolePolicies.recognizes(object)
                || TerraformPlanPolicies.recognizes(object) || CloudFormationPolicies.recognizes(object);
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
