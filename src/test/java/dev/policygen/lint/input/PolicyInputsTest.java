package dev.policygen.lint.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.lint.Finding;
import dev.policygen.lint.LintFiles;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recognition of input kinds and where findings in embedded or broken policies point. */
class PolicyInputsTest {

    private static List<String> lint(String name, String text) {
        return LintFiles.lint(name, text, LintOptions.DEFAULT).stream()
                .map(f -> f.ruleId() + "@" + f.position() + " " + f.message()).toList();
    }

    @Test
    void brokenPolicyStringInATerraformPlanIsPg100AtTheString() {
        String plan = "{\"format_version\": \"1.2\",\n \"resource_changes\": [{\"address\": \"aws_iam_policy.p\","
                + " \"type\": \"aws_iam_policy\",\n  \"change\": {\"after\": {\"policy\": \"{\\\"Version\\\": \"}}}]}";
        List<String> findings = lint("plan.json", plan);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("PG100@3:34 embedded policy: invalid JSON"), findings.get(0));
        assertTrue(findings.get(0).endsWith("[aws_iam_policy.p]"), findings.get(0));
    }

    @Test
    void cloudFormationYamlWithAJsonStringDocument() {
        String template = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: |\n"
                + "        {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"route53:ListHostedZones\", \"Resource\": \"arn:aws:route53:::hostedzone/Z1\"}]}\n";
        List<String> findings = lint("t.yaml", template);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("PG303@5:23 "), findings.get(0));
    }

    @Test
    void brokenYamlIsPg100WithItsPosition() {
        List<String> findings = lint("t.yml", "Resources:\n  P: [unclosed\n");
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("PG100@2:15 invalid YAML: expected ',' or ']', but got the end of the input",
                findings.get(0));
    }

    /** Issue 10, item 7: an alias was linted as the anchor's name; now the template is PG100 at the alias. */
    @Test
    void yamlAliasesAndUnknownTagsInATemplateArePg100AtTheirPosition() {
        String policy = "Resources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n"
                + "        Version: \"2012-10-17\"\n        Statement:\n          - Effect: Allow\n"
                + "            Action: &read route53:GetChange\n            Resource: %s\n";
        assertEquals(List.of("PG100@10:23 YAML alias *read is not supported; write the value out"),
                lint("t.yaml", String.format(policy, "*read")));
        assertEquals(List.of("PG100@10:23 YAML tag !Reference is not supported here"),
                lint("t.yaml", String.format(policy, "!Reference Zone")));
    }

    @Test
    void templateWithoutIamResourcesHasNoPolicies() {
        String template = "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {\"Z\": {\"Type\":"
                + " \"AWS::Route53::HostedZone\", \"Properties\": {\"Name\": \"example.com\"}}}}";
        assertEquals(List.of(), PolicyInputs.extract("t.json", template, LintOptions.DEFAULT));
    }

    @Test
    void anyOtherJsonIsLintedAsAPolicy() {
        List<LintedPolicy> policies = PolicyInputs.extract("x.json", "[1, 2]", LintOptions.DEFAULT);
        assertEquals(1, policies.size());
        List<String> findings = lint("x.json", "[1, 2]");
        assertEquals(List.of("PG112@1:1 a policy must be a JSON object, not array"), findings);
    }

    @Test
    void yamlIsRecognisedByExtensionOrTemplateKeys() {
        assertTrue(PolicyInputs.isYaml("a.YML", "{}"));
        assertTrue(PolicyInputs.isYaml("-", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"));
        assertEquals(false, PolicyInputs.isYaml("-", "{\"Resources\": {}}"));
        assertEquals(false, PolicyInputs.isYaml("a.json", "Resources:\n"));
        List<Finding> none = LintFiles.lint("-", "Resources: {}\n", LintOptions.DEFAULT);
        assertEquals(List.of(), none, "a YAML template on standard input");
    }
}
