package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygen.aws.AnalyzerSettings;
import dev.policygen.aws.FakeAccessAnalyzer;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** policygen validate in process against a local Access Analyzer stand-in, through the real SDK. */
class ValidateCommandTest {
    static final String POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "Read",
                  "Effect": "Allow",
                  "Action": "route53:GetChange",
                  "Resource": "arn:aws:route53:::change/*"
                },
                {
                  "Sid": "Broad",
                  "Effect": "Allow",
                  "Action": "route53:ChangeResourceRecordSets",
                  "Resource": "arn:aws:route53:::hostedzone/*"
                }
              ]
            }
            """;
    static final String FOUR_FINDINGS = """
            {"findings":[
              {"findingDetails":"Add a set operator.","findingType":"ERROR","issueCode":"MISSING_QUALIFIER",
               "learnMoreLink":"https://docs.aws.amazon.com/a","locations":[{"path":[{"value":"Statement"},{"index":1}],
               "span":{"start":{"line":13,"column":18,"offset":300},"end":{"line":13,"column":50,"offset":332}}}]},
              {"findingDetails":"Too broad.","findingType":"SECURITY_WARNING","issueCode":"PASS_ROLE_WITH_STAR_IN_RESOURCE",
               "learnMoreLink":"https://docs.aws.amazon.com/b","locations":[{"path":[{"value":"Statement"},{"index":1}],
               "span":{"start":{"line":10,"column":4,"offset":200},"end":{"line":15,"column":5,"offset":400}}}]},
              {"findingDetails":"Sids should be unique.","findingType":"WARNING","issueCode":"UNIQUE_SIDS_RECOMMENDED",
               "learnMoreLink":"https://docs.aws.amazon.com/c","locations":[{"path":[{"value":"Statement"},{"index":0},
               {"value":"Sid"}],"span":{"start":{"line":5,"column":13,"offset":60},"end":{"line":5,"column":19,"offset":66}}}]},
              {"findingDetails":"Redundant.","findingType":"SUGGESTION","issueCode":"REDUNDANT_ACTION",
               "learnMoreLink":"https://docs.aws.amazon.com/d","locations":[]}
            ]}
            """;
    static final String NO_FINDINGS = "{\"findings\":[]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private FakeAccessAnalyzer server;
    private String policy;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAccessAnalyzer();
        policy = write("policy.json", POLICY);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Runs validate at the stand-in with its fixed keys and fast retries. */
    private CliRun validate(String... args) {
        return validateWith(s -> s.withCredentials(FakeAccessAnalyzer.KEYS).withRetry(FakeAccessAnalyzer.FAST_RETRY),
                args);
    }

    private CliRun validateWith(UnaryOperator<AnalyzerSettings> adjust, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof ValidateCommand command) {
                    command.adjustSettings = adjust;
                }
                return made;
            }
        };
        List<String> all = new ArrayList<>(List.of("validate"));
        if (!List.of(args).contains("--endpoint-url")) {
            all.addAll(List.of("--endpoint-url", server.endpoint().toString()));
        }
        all.addAll(List.of(args));
        return CliRun.capture((out, err) -> Main.run(all.toArray(new String[0]), out, err, factory));
    }

    private String write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    private JsonNode body(int request) throws Exception {
        return JSON.readTree(server.requests().get(request).body());
    }

    @Test
    void findingsAreReportedLikeLintAtTheirPlaceInTheFile() throws Exception {
        server.answer(FOUR_FINDINGS);
        CliRun run = validate(policy);
        assertEquals(String.join("\n",
                policy + ":1:1: suggestion AA:REDUNDANT_ACTION Redundant. [SUGGESTION; https://docs.aws.amazon.com/d]",
                policy + ":5:14: warning AA:UNIQUE_SIDS_RECOMMENDED Sids should be unique. [WARNING; https://docs.aws.amazon.com/c]",
                policy + ":10:5: error AA:PASS_ROLE_WITH_STAR_IN_RESOURCE Too broad. [SECURITY_WARNING; https://docs.aws.amazon.com/b]",
                policy + ":13:19: error AA:MISSING_QUALIFIER Add a set operator. [ERROR; https://docs.aws.amazon.com/a]",
                ""), run.out());
        assertEquals(ExitCode.FINDINGS, run.exit());
        assertEquals("", run.err());
        assertEquals(1, server.requests().size());
        assertEquals("/policy/validation", server.requests().get(0).path());
        assertEquals(POLICY, body(0).get("policyDocument").asText());
        assertEquals("IDENTITY_POLICY", body(0).get("policyType").asText());
        assertTrue(server.requests().get(0).header("Authorization").orElseThrow()
                .contains("/us-east-1/access-analyzer/aws4_request"));
    }

    @Test
    void failOnDecidesTheExitCodeAsForLint() throws Exception {
        String warningOnly = "{\"findings\":[{\"findingDetails\":\"Add a Version.\",\"findingType\":\"WARNING\","
                + "\"issueCode\":\"MISSING_VERSION\",\"learnMoreLink\":\"https://docs.aws.amazon.com/e\",\"locations\":[]}]}";
        server.answer(warningOnly).answer(warningOnly).answer(FOUR_FINDINGS);
        assertEquals(ExitCode.OK, validate(policy).exit());
        assertEquals(ExitCode.FINDINGS, validate("--fail-on", "warning", policy).exit());
        CliRun never = validate("--fail-on", "never", policy);
        assertEquals(ExitCode.OK, never.exit());
        assertEquals(4, never.out().lines().count());
        assertEquals(ExitCode.USAGE, validate("--fail-on", "fatal", policy).exit());
    }

    @Test
    void jsonAndSarifCarryTheAnalyzerRules() throws Exception {
        server.answer(FOUR_FINDINGS).answer(FOUR_FINDINGS);
        JsonNode json = JSON.readTree(validate("--format", "json", policy).out());
        assertEquals(4, json.get("findings").size());
        JsonNode last = json.get("findings").get(3);
        assertEquals("AA:MISSING_QUALIFIER", last.get("rule").asText());
        assertEquals("error", last.get("severity").asText());
        assertEquals(13, last.get("line").asInt());
        assertEquals(19, last.get("column").asInt());

        JsonNode run = JSON.readTree(validate("--format", "sarif", policy).out()).get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        for (JsonNode result : run.get("results")) {
            int index = result.get("ruleIndex").asInt();
            assertTrue(index >= 0, result.toString());
            assertEquals(result.get("ruleId").asText(), rules.get(index).get("id").asText());
        }
        assertEquals("note", run.get("results").get(0).get("level").asText());
    }

    @Test
    void aPolicyInsideGetPolicyVersionOutputIsSentAloneAndPlacedByPath() throws Exception {
        String file = write("version.json", """
                {
                  "PolicyVersion": {
                    "Document": {
                      "Version": "2012-10-17",
                      "Statement": [
                        {"Sid": "", "Effect": "Allow", "Action": "route53:GetChange", "Resource": "*"}
                      ]
                    },
                    "VersionId": "v1"
                  }
                }
                """);
        server.answer("""
                {"findings":[{"findingDetails":"Add a value to the empty string in the Sid element.",
                  "findingType":"SUGGESTION","issueCode":"EMPTY_SID_VALUE","learnMoreLink":"https://docs.aws.amazon.com/f",
                  "locations":[{"path":[{"value":"Statement"},{"index":0},{"value":"Sid"}],
                  "span":{"start":{"line":5,"column":14,"offset":70},"end":{"line":5,"column":16,"offset":72}}}]}]}
                """);
        CliRun run = validate("--fail-on", "suggestion", file);
        assertEquals(file + ":6:17: suggestion AA:EMPTY_SID_VALUE Add a value to the empty string in the Sid element."
                + " [SUGGESTION; https://docs.aws.amazon.com/f]\n", run.out());
        assertEquals(ExitCode.FINDINGS, run.exit());
        JsonNode sent = JSON.readTree(body(0).get("policyDocument").asText());
        assertEquals(JSON.readTree(Files.readString(Path.of(file))).get("PolicyVersion")
                .get("Document"), sent);
    }

    /** Issue 11: lint now finds a role's trust policy; validate sends only identity policies. */
    @Test
    void aRoleTrustPolicyInATemplateIsNotSentAsAnIdentityPolicy() throws Exception {
        String file = write("template.json", """
                {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Role": {"Type": "AWS::IAM::Role",
                  "Properties": {
                    "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "Policies": [{"PolicyName": "dns", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"}]}}]}}}}
                """);
        server.answer("{\"findings\": []}");
        CliRun run = validate(file);
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(1, server.requests().size());
        assertEquals("route53:GetChange", JSON.readTree(body(0).get("policyDocument").asText()).get("Statement").get(0)
                .get("Action").asText());
    }

    @Test
    void aReferenceFileThatTheCheckedPolicyExceedsIsAnError() throws Exception {
        String reference = write("reference.json", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"route53:GetChange\",\"Resource\":\"*\"}]}");
        server.answer(NO_FINDINGS).answer("""
                {"result":"FAIL","message":"The modified permissions grant new access compared to your existing policy.",
                 "reasons":[{"description":"New access in the statement with index: 1.","statementIndex":1,
                 "statementId":"Broad"}]}
                """);
        CliRun run = validate("--reference", reference, policy);
        assertEquals(policy + ":10:5: error AA:NEW_ACCESS grants access that the reference " + reference
                + " does not (The modified permissions grant new access compared to your existing policy.):"
                + " statement index 1 (Sid \"Broad\"): New access in the statement with index: 1.\n", run.out());
        assertEquals(ExitCode.FINDINGS, run.exit());
        assertEquals(2, server.requests().size());
        assertEquals("/policy/check-no-new-access", server.requests().get(1).path());
        assertEquals(POLICY, body(1).get("newPolicyDocument").asText());
        assertEquals(Files.readString(Path.of(reference)), body(1).get("existingPolicyDocument").asText());
        assertEquals("IDENTITY_POLICY", body(1).get("policyType").asText());
    }

    @Test
    void theGeneratedReferenceIsExactlyWhatGeneratePrints() throws Exception {
        String[] target = {"--client", "traefik", "--zone", "Z11111112222222333333", "--domain", "example.com"};
        CliRun generated = CliRun.of(target);
        assertEquals(ExitCode.OK, generated.exit());
        server.answer(NO_FINDINGS).answer("{\"result\":\"PASS\",\"message\":\"The modified permissions do not grant"
                + " new access.\",\"reasons\":[]}");
        List<String> args = new ArrayList<>(List.of(target));
        args.add(policy);
        CliRun run = validate(args.toArray(new String[0]));
        assertEquals("", run.out());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(generated.out(), body(1).get("existingPolicyDocument").asText());
    }

    @Test
    void throttlingIsRetriedBeforeAnythingIsReported() throws Exception {
        server.fail(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}").answer(FOUR_FINDINGS);
        CliRun run = validate(policy);
        assertEquals(ExitCode.FINDINGS, run.exit());
        assertEquals(4, run.out().lines().count());
        assertEquals(2, server.requests().size());
    }

    @Test
    void awsFailuresAreOneLineWithExitCode4() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.fail(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}");
        }
        server.fail(403, "AccessDeniedException", "{\"Message\":\"not authorized\"}");
        server.fail(400, "ValidationException", "{\"message\":\"Invalid policy document.\",\"reason\":\"other\"}");
        assertFailure(validate(policy), "policygen: error: Access Analyzer throttled ValidatePolicy and it was retried"
                + " with exponential backoff and jitter after 3 attempts without success (ThrottlingException: Rate"
                + " exceeded); wait a minute and run again");
        assertFailure(validate(policy), "policygen: error: AWS denied ValidatePolicy: the credentials need the IAM"
                + " permission access-analyzer:ValidatePolicy (AccessDeniedException: not authorized)");
        assertFailure(validate(policy), "policygen: error: Access Analyzer rejected ValidatePolicy after 1 attempt:"
                + " ValidationException: Invalid policy document.");
    }

    @Test
    void aProfileWithoutCredentialsSaysHowToAddThem() {
        CliRun run = validateWith(s -> s.withRetry(FakeAccessAnalyzer.FAST_RETRY), "--profile", "nosuch", policy);
        assertFailure(run, "policygen: error: no AWS credentials for profile \"nosuch\" (Profile file contained no"
                + " credentials for profile 'nosuch': ProfileFile(sections=[])): add keys to the shared credentials"
                + " file (aws configure --profile nosuch) or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
                + " without --profile");
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void unreadableOrInvalidInputIsExit3BeforeAnyRequest() throws Exception {
        CliRun missing = validate(dir.resolve("absent.json").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exit());
        assertEquals("policygen: error: " + dir.resolve("absent.json") + ": cannot read: no such file\n", missing.err());
        CliRun broken = validate(write("broken.json", "{\"Version\": \"2012-10-17\",\n  \"Statement\": [\n"));
        assertEquals(ExitCode.BAD_INPUT, broken.exit());
        assertTrue(broken.err().startsWith("policygen: error: " + dir.resolve("broken.json") + ":"), broken.err());
        CliRun badReference = validate("--reference", dir.resolve("absent.json").toString(), policy);
        assertEquals(ExitCode.BAD_INPUT, badReference.exit());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void optionsThatCannotBeUsedAreExit2() {
        assertEquals(ExitCode.USAGE, validate().exit());
        assertEquals(ExitCode.USAGE, validate("--zone", "Z11111112222222333333", policy).exit());
        assertEquals(ExitCode.USAGE, validate("--reference", policy, "--client", "lego", "--domain", "example.com",
                policy).exit());
        assertEquals(ExitCode.USAGE, validate("--region", "moon", policy).exit());
        assertEquals(ExitCode.USAGE, validate("--format", "xml", policy).exit());
        assertEquals(ExitCode.USAGE, validate("--client", "nosuchclient", "--domain", "example.com", policy).exit());
        CliRun badEndpoint = validate("--endpoint-url", "ftp://127.0.0.1", policy);
        assertEquals(ExitCode.USAGE, badEndpoint.exit());
        assertEquals("policygen: error: invalid --endpoint-url \"ftp://127.0.0.1\": expected http://HOST[:PORT] or"
                + " https://HOST[:PORT]\n", badEndpoint.err());
        assertTrue(server.requests().isEmpty());
    }

    private static void assertFailure(CliRun run, String line) {
        assertEquals(ExitCode.REMOTE, run.exit(), run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }
}
