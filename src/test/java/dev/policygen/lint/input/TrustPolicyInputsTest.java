package dev.policygen.lint.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.lint.LintFiles;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust policies in every input kind: which documents are trust policies, where their findings point,
 * and that identity rules and trust rules each judge only their kind.
 */
class TrustPolicyInputsTest {
    private static final String OPEN_TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"sts:AssumeRole\"}]}";

    private static List<String> lint(String name, String text) {
        return LintFiles.lint(name, text, LintOptions.DEFAULT).stream()
                .map(f -> f.ruleId() + "@" + f.position() + (f.message().endsWith("]")
                        ? f.message().substring(f.message().lastIndexOf(" [")) : "")).toList();
    }

    private static List<String> kinds(String name, String text) {
        return PolicyInputs.extract(name, text, LintOptions.DEFAULT).stream()
                .map(p -> p.kind() + " " + p.origin()).toList();
    }

    @Test
    void bareDocumentsAreTrustPoliciesOnlyWithAPrincipalAndAnAssumeRoleAction() {
        assertEquals(List.of("TRUST "), kinds("t.json", OPEN_TRUST));
        assertEquals(List.of("TRUST "), kinds("t.json", OPEN_TRUST.replace("sts:AssumeRole", "sts:AssumeRole*")));
        assertEquals(List.of("TRUST "), kinds("t.json", OPEN_TRUST.replace("sts:AssumeRole", "STS:assumerolewithsaml")));
        assertEquals(List.of("IDENTITY "), kinds("t.json", OPEN_TRUST.replace("sts:AssumeRole", "s3:GetObject")));
        assertEquals(List.of("IDENTITY "), kinds("t.json", OPEN_TRUST.replace("\"Principal\": {\"AWS\": \"*\"},", "")));
        assertEquals(List.of("PG106@1:61"), lint("t.json", OPEN_TRUST.replace("sts:AssumeRole", "sqs:SendMessage")
                .replace("}]}", ", \"Resource\": \"*\"}]}")));
        assertEquals(List.of("PG604@1:82"), lint("t.json", OPEN_TRUST));
    }

    @Test
    void cloudFormationYamlRoleTrustAtItsLinesAndItsInlinePolicyStaysAnIdentityPolicy() {
        String template = String.join("\n",
                "AWSTemplateFormatVersion: '2010-09-09'",
                "Resources:",
                "  DnsRole:",
                "    Type: AWS::IAM::Role",
                "    Properties:",
                "      AssumeRolePolicyDocument:",
                "        Version: '2012-10-17'",
                "        Statement:",
                "          - Effect: Allow",
                "            Principal:",
                "              AWS: '*'",
                "            Action: sts:AssumeRole",
                "      Policies:",
                "        - PolicyName: dns",
                "          PolicyDocument:",
                "            Version: '2012-10-17'",
                "            Statement:",
                "              - Effect: Allow",
                "                Principal:",
                "                  AWS: '*'",
                "                Action: sts:AssumeRole",
                "                Resource: '*'",
                "");
        assertEquals(List.of("TRUST Resources.DnsRole.AssumeRolePolicyDocument",
                "IDENTITY Resources.DnsRole.Policies[0].PolicyDocument"), kinds("t.yaml", template));
        assertEquals(List.of("PG604@11:20 [Resources.DnsRole.AssumeRolePolicyDocument]",
                "PG106@19:17 [Resources.DnsRole.Policies[0].PolicyDocument]"), lint("t.yaml", template));
    }

    @Test
    void terraformRoleAssumeRolePolicyIsATrustPolicyAtItsString() {
        String plan = "{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [\n"
                + "{\"address\": \"aws_iam_role.dns\", \"type\": \"aws_iam_role\", \"values\": {\"name\": \"dns\",\n"
                + "  \"assume_role_policy\": " + quoted(OPEN_TRUST) + "}},\n"
                + "{\"address\": \"aws_iam_policy.p\", \"type\": \"aws_iam_policy\", \"values\": {\n"
                + "  \"policy\": " + quoted(OPEN_TRUST) + "}}]}}}";
        assertEquals(List.of("TRUST aws_iam_role.dns.assume_role_policy", "IDENTITY aws_iam_policy.p"),
                kinds("plan.json", plan));
        List<String> findings = lint("plan.json", plan);
        assertEquals(List.of("PG604@3:25 [aws_iam_role.dns.assume_role_policy]", "PG106@5:13 [aws_iam_policy.p]",
                "PG111@5:13 [aws_iam_policy.p]"), findings);
    }

    @Test
    void getRoleOutputAsAnObjectOrUrlEncodedAndListRolesNamingEachRole() {
        String object = "{\"Role\": {\"RoleName\": \"dns\",\n \"AssumeRolePolicyDocument\": " + OPEN_TRUST + "}}";
        assertEquals(List.of("TRUST "), kinds("role.json", object));
        assertEquals(List.of("PG604@2:111"), lint("role.json", object));

        String encoded = "{\"Role\": {\"RoleName\": \"dns\",\n \"AssumeRolePolicyDocument\": \""
                + URLEncoder.encode(OPEN_TRUST, StandardCharsets.UTF_8) + "\"}}";
        assertEquals(List.of("PG604@2:30 [Role.AssumeRolePolicyDocument]"), lint("role.json", encoded));

        String broken = "{\"Role\": {\"AssumeRolePolicyDocument\": \"%7B%zz\"}}";
        List<LintedPolicy> policies = PolicyInputs.extract("role.json", broken, LintOptions.DEFAULT);
        assertEquals(PolicyKind.TRUST, policies.get(0).kind());
        assertEquals("Role.AssumeRolePolicyDocument is neither JSON nor URL-encoded JSON",
                policies.get(0).syntaxProblem().orElseThrow().message());

        String list = "{\"Roles\": [{\"RoleName\": \"a\", \"AssumeRolePolicyDocument\": " + OPEN_TRUST + "},\n"
                + "{\"RoleName\": \"b\"}, {\"RoleName\": \"c\", \"AssumeRolePolicyDocument\": " + OPEN_TRUST + "}]}";
        assertEquals(List.of("TRUST Roles[0].AssumeRolePolicyDocument", "TRUST Roles[2].AssumeRolePolicyDocument"),
                kinds("roles.json", list));
    }

    @Test
    void getPolicyVersionStaysAnIdentityPolicy() {
        String output = "{\"PolicyVersion\": {\"Document\": " + OPEN_TRUST + "}}";
        assertEquals(List.of("IDENTITY "), kinds("v.json", output));
    }

    private static String quoted(String json) {
        return "\"" + json.replace("\"", "\\\"") + "\"";
    }
}
