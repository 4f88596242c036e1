package dev.policygen.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygen.AwsFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.utils.StringInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real SDK client against {@link FakeAccessAnalyzer}: exact wire requests, and answers mapped back. */
class AccessAnalyzerChecksTest {
    static final String POLICY = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"\", \"Effect\": \"Allow\","
            + " \"Action\": \"route53:GetChange\", \"Resource\": \"arn:aws:route53:::change/*\"}]\n}\n";
    static final String EMPTY_SID = """
            {"findings":[{"findingDetails":"Add a value to the empty string in the Sid element.",
              "findingType":"SUGGESTION","issueCode":"EMPTY_SID_VALUE",
              "learnMoreLink":"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-suggestion-empty-sid-value",
              "locations":[{"path":[{"value":"Statement"},{"index":0},{"value":"Sid"}],
                "span":{"start":{"line":3,"column":24,"offset":52},"end":{"line":3,"column":26,"offset":54}}}]}]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeAccessAnalyzer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeAccessAnalyzer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void validateSendsASignedIdentityPolicyRequestAndMapsFindings() throws Exception {
        server.answer(EMPTY_SID);
        List<AnalyzerFinding> findings;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            findings = checks.validate(POLICY);
        }
        FakeAccessAnalyzer.Request request = single();
        assertEquals("POST", request.method());
        assertEquals("/policy/validation", request.path());
        assertEquals(Optional.empty(), request.rawQuery());
        JsonNode body = JSON.readTree(request.body());
        assertEquals(POLICY, body.get("policyDocument").asText());
        assertEquals("IDENTITY_POLICY", body.get("policyType").asText());
        assertSigned(request);

        assertEquals(1, findings.size());
        AnalyzerFinding finding = findings.get(0);
        assertEquals("SUGGESTION", finding.findingType());
        assertEquals("EMPTY_SID_VALUE", finding.issueCode());
        assertEquals("Add a value to the empty string in the Sid element.", finding.details());
        assertTrue(finding.learnMoreLink().orElseThrow().endsWith("suggestion-empty-sid-value"));
        assertEquals(List.of(new AnalyzerFinding.Location(List.of(new AnalyzerFinding.PathStep.Value("Statement"),
                new AnalyzerFinding.PathStep.Index(0), new AnalyzerFinding.PathStep.Value("Sid")),
                Optional.of(new AnalyzerFinding.TextPoint(3, 24)))), finding.locations());
    }

    @Test
    void validateFollowsNextTokenUntilTheLastPage() throws Exception {
        server.answer("{\"findings\":[{\"findingDetails\":\"one\",\"findingType\":\"WARNING\",\"issueCode\":\"MISSING_VERSION\","
                + "\"learnMoreLink\":\"https://example.com/a\",\"locations\":[]}],\"nextToken\":\"page/2+=\"}");
        server.answer("{\"findings\":[{\"findingDetails\":\"two\",\"findingType\":\"ERROR\",\"issueCode\":\"INVALID_ACTION\","
                + "\"learnMoreLink\":\"https://example.com/b\",\"locations\":[]}]}");
        List<AnalyzerFinding> findings;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            findings = checks.validate(POLICY);
        }
        assertEquals(List.of("MISSING_VERSION", "INVALID_ACTION"),
                findings.stream().map(AnalyzerFinding::issueCode).toList());
        List<FakeAccessAnalyzer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(Optional.empty(), requests.get(0).rawQuery());
        assertEquals("/policy/validation", requests.get(1).path());
        assertEquals(Optional.of("nextToken=page%2F2%2B%3D"), requests.get(1).rawQuery());
        assertEquals(POLICY, JSON.readTree(requests.get(1).body()).get("policyDocument").asText());
    }

    @Test
    void checkNoNewAccessSendsBothDocumentsAndReadsTheReasons() throws Exception {
        server.answer("""
                {"result":"FAIL","message":"The modified permissions grant new access compared to your existing policy.",
                 "reasons":[{"description":"New access in the statement with index: 1.","statementIndex":1,
                   "statementId":"Broad"}]}
                """);
        NoNewAccessResult result;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            result = checks.checkNoNewAccess(POLICY, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
        }
        FakeAccessAnalyzer.Request request = single();
        assertEquals("POST", request.method());
        assertEquals("/policy/check-no-new-access", request.path());
        JsonNode body = JSON.readTree(request.body());
        assertEquals(POLICY, body.get("newPolicyDocument").asText());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[]}", body.get("existingPolicyDocument").asText());
        assertEquals("IDENTITY_POLICY", body.get("policyType").asText());
        assertSigned(request);
        assertFalse(result.passed());
        assertEquals(List.of(new NoNewAccessResult.Reason("New access in the statement with index: 1.",
                Optional.of(1), Optional.of("Broad"))), result.reasons());
    }

    @Test
    void checkNoNewAccessPass() throws Exception {
        server.answer("{\"result\":\"PASS\",\"message\":\"The modified permissions do not grant new access.\",\"reasons\":[]}");
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            assertTrue(checks.checkNoNewAccess(POLICY, POLICY).passed());
        }
    }

    @Test
    void throttlingIsRetriedThenSucceeds() throws Exception {
        server.fail(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}").answer(EMPTY_SID);
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            assertEquals(1, checks.validate(POLICY).size());
        }
        List<FakeAccessAnalyzer.Request> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).body(), requests.get(1).body());
    }

    @Test
    void throttlingThatOutlastsTheRetriesSaysItWasRetried() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.fail(429, "ThrottlingException", "{\"message\":\"Rate exceeded\"}");
        }
        AwsFailure failure;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            failure = assertThrows(AwsFailure.class, () -> checks.validate(POLICY));
        }
        assertEquals(AwsFailure.Kind.THROTTLED, failure.kind());
        assertEquals(3, server.requests().size());
        assertTrue(failure.getMessage().contains("retried with exponential backoff and jitter after 3 attempts"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("ThrottlingException: Rate exceeded"), failure.getMessage());
    }

    @Test
    void accessDeniedNamesThePermissionAndIsNotRetried() throws Exception {
        String denied = "{\"Message\":\"User: arn:aws:iam::123456789012:user/ci is not authorized to perform:"
                + " access-analyzer:CheckNoNewAccess\"}";
        server.fail(403, "AccessDeniedException", denied);
        AwsFailure failure;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            failure = assertThrows(AwsFailure.class, () -> checks.checkNoNewAccess(POLICY, POLICY));
        }
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, failure.kind());
        assertEquals(1, server.requests().size());
        assertTrue(failure.getMessage().startsWith("AWS denied CheckNoNewAccess: the credentials need the IAM"
                + " permission access-analyzer:CheckNoNewAccess (AccessDeniedException: User: arn:aws:iam::"),
                failure.getMessage());
    }

    @Test
    void validationExceptionIsReportedWithItsCode() throws Exception {
        server.fail(400, "ValidationException", "{\"message\":\"Invalid policy document.\",\"reason\":\"other\","
                + "\"fieldList\":[{\"name\":\"policyDocument\",\"message\":\"too long\"}]}");
        AwsFailure failure;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(server.settings())) {
            failure = assertThrows(AwsFailure.class, () -> checks.validate(POLICY));
        }
        assertEquals(AwsFailure.Kind.SERVICE_ERROR, failure.kind());
        assertEquals(1, server.requests().size());
        assertTrue(failure.getMessage().startsWith("Access Analyzer rejected ValidatePolicy"), failure.getMessage());
        assertTrue(failure.getMessage().endsWith(": ValidationException: Invalid policy document."),
                failure.getMessage());
    }

    @Test
    void aChainThatFindsNoCredentialsSaysHowToProvideThem() throws Exception {
        ProfileFile empty = ProfileFile.builder().content(new StringInputStream(""))
                .type(ProfileFile.Type.CREDENTIALS).build();
        // everything the default chain has but the environment keys, which surefire sets for other tests
        AwsCredentialsProviderChain none = AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(false)
                .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                        ProfileCredentialsProvider.builder().profileFile(empty).profileName("default").build(),
                        ContainerCredentialsProvider.builder().build(),
                        InstanceProfileCredentialsProvider.builder().profileFile(empty).build())
                .build();
        AwsFailure failure = assertThrows(AwsFailure.class, () -> AccessAnalyzerChecks.connect(
                server.settings().withCredentials(new CredentialSource.DefaultChain()), none));
        assertEquals(AwsFailure.Kind.MISSING_CREDENTIALS, failure.kind());
        assertEquals("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and"
                + " AWS_SESSION_TOKEN), AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, run 'aws configure' or pass"
                + " --profile NAME, or run with an instance or container role", failure.getMessage());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aClosedPortIsUnreachableAfterRetries() throws Exception {
        AnalyzerSettings settings = server.settings();
        server.close();
        AwsFailure failure;
        try (AccessAnalyzerChecks checks = AccessAnalyzerChecks.connect(settings)) {
            failure = assertThrows(AwsFailure.class, () -> checks.validate(POLICY));
        }
        assertEquals(AwsFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.getMessage().startsWith("cannot reach Access Analyzer at " + settings.endpoint().get()
                + " after 3 attempts: "), failure.getMessage());
        assertFalse(failure.getMessage().contains("\n"));
        assertFalse(failure.getMessage().contains("SDK Attempt Count"), failure.getMessage());
    }

    private FakeAccessAnalyzer.Request single() {
        List<FakeAccessAnalyzer.Request> requests = server.requests();
        assertEquals(1, requests.size(), "requests: " + requests);
        return requests.get(0);
    }

    static void assertSigned(FakeAccessAnalyzer.Request request) {
        String authorization = request.header("Authorization").orElseThrow();
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + FakeAccessAnalyzer.KEYS.accessKeyId() + "/"),
                authorization);
        assertTrue(authorization.contains("/us-east-1/access-analyzer/aws4_request"), authorization);
        assertTrue(authorization.contains("SignedHeaders=") && authorization.contains("Signature="), authorization);
        assertTrue(request.header("X-Amz-Date").orElseThrow().matches("\\d{8}T\\d{6}Z"));
    }
}
