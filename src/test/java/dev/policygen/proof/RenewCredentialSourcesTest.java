package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.RoleDeclaration;
import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, "every credential source": policygen renew, in its own JVM with only the environment a test gives it
 * (no keys, no shared files but the one the test writes, no instance metadata), takes its credentials from the
 * sandbox's STS, as EKS IRSA sets it up (AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE with a token from
 * {@code policygen sandbox token}) and as an AWS config profile with role_arn + source_profile + external_id does,
 * and issues against Pebble; the sandbox's call log shows every Route 53 call made as the assumed role. Each
 * failing link (no token file, token rejected, trust refused for the principal, external id missing) is one line
 * naming it, before any Route 53 call.
 */
class RenewCredentialSourcesTest extends RenewBedTest {
    private static final String WEB_ROLE = "arn:aws:iam::" + RenewBed.ACCOUNT + ":role/renewer";
    private static final String PROFILE_ROLE = "arn:aws:iam::" + RenewBed.ACCOUNT + ":role/renewer-dns";
    private static final String USER = "arn:aws:iam::" + RenewBed.ACCOUNT + ":user/policygen-sandbox";
    private static final String SUBJECT = "system:serviceaccount:acme:renew";
    private static final String EXTERNAL_ID = "s3cret-42";
    private static final String HOST = OidcIssuer.DEFAULT_HOST;

    private Path config;
    private Path policy;

    @BeforeEach
    void writeConfigAndRoles() throws Exception {
        config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test]
                    destinations:
                      - files: {dir: %s}
                """.formatted(dir.resolve("www")));
        policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.empty(), false);
        Files.writeString(dir.resolve("web-trust.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::" + RenewBed.ACCOUNT
                + ":oidc-provider/" + HOST + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{"
                + "\"StringEquals\":{\"" + HOST + ":sub\":\"" + SUBJECT + "\",\"" + HOST
                + ":aud\":\"sts.amazonaws.com\"}}}]}");
        Files.writeString(dir.resolve("profile-trust.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + USER + "\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"" + EXTERNAL_ID + "\"}}}]}");
        // the static user may only assume roles: Route 53 works only as a role
        Files.writeString(dir.resolve("user.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
    }

    private Sandbox sandbox() throws Exception {
        return bed.sandbox(dir.resolve("sandbox"), b -> b.policy(dir.resolve("user.json"))
                .role(new RoleDeclaration(WEB_ROLE, dir.resolve("web-trust.json"), List.of(policy), null, null))
                .role(new RoleDeclaration(PROFILE_ROLE, dir.resolve("profile-trust.json"), List.of(policy), null,
                        null)));
    }

    @Test
    void irsaWebIdentityFromSandboxTokenIssuesAsTheRole() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            Path token = token(SUBJECT, "sts.amazonaws.com");
            Child run = renew(sandbox, Map.of("AWS_ROLE_ARN", WEB_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                    token.toString(), "AWS_ROLE_SESSION_NAME", "renew-pod"));
            assertEquals(0, run.exit, run.output);
            assertTrue(run.output.contains("www          renewed"), run.output);
            assertTrue(Files.exists(dir.resolve("www").resolve("fullchain.pem")));
            assertRoute53CallsMadeAs(sandbox, WEB_ROLE, "sts:AssumeRoleWithWebIdentity");
        }
    }

    @Test
    void profileWithRoleArnSourceProfileAndExternalIdIssuesAsTheRole() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            Child run = renew(sandbox, profile("external_id = " + EXTERNAL_ID + "\n"));
            assertEquals(0, run.exit, run.output);
            assertTrue(run.output.contains("www          renewed"), run.output);
            assertRoute53CallsMadeAs(sandbox, PROFILE_ROLE, "sts:AssumeRole");
        }
    }

    @Test
    void aMissingTokenFileIsABadInputFileNamingIt() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            Path missing = dir.resolve("no-such-token");
            Child run = renew(sandbox, Map.of("AWS_ROLE_ARN", WEB_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                    missing.toString()));
            assertEquals(3, run.exit, run.output);
            assertOneLine(run, missing.toString(), "web identity token file (AWS_ROLE_ARN and"
                    + " AWS_WEB_IDENTITY_TOKEN_FILE)");
            assertNoRoute53(sandbox);
        }
    }

    @Test
    void aTokenForAnotherAudienceIsRejectedByStsNamingTheToken() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            Path token = token(SUBJECT, "elsewhere");
            Child run = renew(sandbox, Map.of("AWS_ROLE_ARN", WEB_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                    token.toString()));
            assertEquals(4, run.exit, run.output);
            assertOneLine(run, "STS rejected the web identity token in " + token + " (sub " + SUBJECT + ")",
                    "InvalidIdentityToken: Incorrect token audience");
            assertNoRoute53(sandbox);
        }
    }

    @Test
    void aTokenForAnotherServiceAccountIsRefusedByTheTrustNamingRoleAndSubject() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            String other = "system:serviceaccount:default:other";
            Path token = token(other, "sts.amazonaws.com");
            Child run = renew(sandbox, Map.of("AWS_ROLE_ARN", WEB_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE",
                    token.toString()));
            assertEquals(4, run.exit, run.output);
            assertOneLine(run, "the trust policy of role " + WEB_ROLE + " refused the web identity in " + token
                    + " (sub " + other + ")", "AccessDenied");
            assertNoRoute53(sandbox);
        }
    }

    @Test
    void aRoleWhoseTrustNamesAnotherPrincipalIsRefusedNamingRoleAndPrincipal() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            // the web identity role trusts only the OIDC issuer, not the static user
            Child run = renew(sandbox, profileFor("external_id = " + EXTERNAL_ID + "\n", WEB_ROLE));
            assertEquals(4, run.exit, run.output);
            assertOneLine(run, "the trust policy of role " + WEB_ROLE + " refused " + USER
                    + " (profile renew, source_profile base, external_id sent)", "AccessDenied: User: " + USER);
            assertNoRoute53(sandbox);
        }
    }

    @Test
    void aProfileWithoutTheExternalIdIsRefusedSayingNoneWasSent() throws Exception {
        try (Sandbox sandbox = sandbox()) {
            Child run = renew(sandbox, profile(""));
            assertEquals(4, run.exit, run.output);
            assertOneLine(run, "the trust policy of role " + PROFILE_ROLE + " refused " + USER
                    + " (profile renew, source_profile base; no external_id was sent: if the trust requires"
                    + " sts:ExternalId, set external_id)", "AccessDenied");
            assertNoRoute53(sandbox);
        }
    }

    /** A token from {@code policygen sandbox token}, signed with the sandbox's key in its state directory. */
    private Path token(String subject, String audience) {
        Path token = dir.resolve("token-" + audience + "-" + subject.replace(':', '_'));
        CliRun run = CliRun.of("sandbox", "token", "--state-dir", dir.resolve("sandbox").toString(), "--sub", subject,
                "--aud", audience, "-o", token.toString());
        assertEquals(0, run.exit(), run.all());
        return token;
    }

    private Map<String, String> profile(String extra) throws IOException {
        return profileFor(extra, PROFILE_ROLE);
    }

    private Map<String, String> profileFor(String extra, String role) throws IOException {
        Path file = dir.resolve("aws-config");
        Files.writeString(file, "[profile base]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n\n"
                + "[profile renew]\nrole_arn = " + role + "\nsource_profile = base\nrole_session_name = renew-job\n"
                + extra, StandardCharsets.UTF_8);
        return Map.of("AWS_CONFIG_FILE", file.toString(), "AWS_PROFILE", "renew");
    }

    /** Every Route 53 call was signed with the role's session credentials, and STS was called first. */
    private static void assertRoute53CallsMadeAs(Sandbox sandbox, String role, String stsAction) throws Exception {
        List<JsonObject> lines = log(sandbox);
        List<String> actions = new ArrayList<>();
        for (JsonObject line : lines) {
            actions.add(text(line, "action"));
        }
        assertTrue(actions.indexOf(stsAction) >= 0, "STS called: " + actions);
        int route53 = 0;
        for (JsonObject line : lines) {
            String action = text(line, "action");
            if (action != null && action.startsWith("route53:")) {
                route53++;
                assertTrue(actions.indexOf(stsAction) < lines.indexOf(line), "STS first: " + actions);
                JsonObject context = (JsonObject) line.get("context").orElseThrow();
                assertEquals(role, text(context, "aws:PrincipalArn"), action + " as the role: " + line);
                assertEquals("AssumedRole", text(context, "aws:PrincipalType"), action + ": " + line);
                assertTrue(text(line, "accessKeyId").startsWith("ASIA"), "temporary keys: " + line);
                assertEquals("allowed", text(line, "decision"), action + " allowed");
            }
        }
        assertTrue(route53 >= 2, "Route 53 calls made: " + actions);
        assertTrue(actions.contains("route53:ChangeResourceRecordSets"), actions.toString());
    }

    private static void assertNoRoute53(Sandbox sandbox) throws Exception {
        RenewInEnvironment.assertNoRoute53(sandbox);
    }

    private static void assertOneLine(Child run, String... parts) {
        RenewInEnvironment.assertOneLine(new RenewInEnvironment.Result(run.exit, run.output), parts);
    }

    private static List<JsonObject> log(Sandbox sandbox) throws Exception {
        return RenewInEnvironment.log(sandbox);
    }

    private static String text(JsonObject object, String key) {
        return RenewInEnvironment.text(object, key);
    }

    private record Child(int exit, String output) {
    }

    /** renew in its own JVM with only {@code environment}'s AWS settings ({@link RenewInEnvironment}). */
    private Child renew(Sandbox sandbox, Map<String, String> environment) throws Exception {
        RenewInEnvironment.Result result = RenewInEnvironment.run(bed, sandbox, config, dir, environment);
        return new Child(result.exit(), result.output());
    }
}
