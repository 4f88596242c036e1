package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.RequestContext;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.model.PolicyReader;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.guard.ZoneRolePolicies;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.RoleDeclaration;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, renew with a zone in another account: renew runs as the workload role of account A (an EKS IRSA web
 * identity from {@code policygen sandbox token}) and reaches example.test, a zone of account B, through the zone's
 * {@code roleArn} + {@code externalId} in the renew config. The two roles are exactly what {@code generate --client
 * policygen --runtime eks-irsa ... --dns-account B -o roles.json} writes, from the line renew prints with its
 * runtime filled in, loaded into the sandbox as files. Sufficient (issued), exact (one AssumeRoleWithWebIdentity,
 * one AssumeRole as the workload role, every Route 53 call as the DNS role, nothing else), minimal (no
 * sts:AssumeRole grant, no or a wrong external id, a token of another service account: refused at STS, nothing
 * reaches Route 53), contained (the DNS role writes no A record and no other name; the workload role alone
 * cannot touch the zone).
 */
class RenewCrossAccountZoneTest extends RenewBedTest {
    private static final String ACCOUNT_A = RenewBed.ACCOUNT;
    private static final String ACCOUNT_B = "222222222222";
    private static final String HOST = OidcIssuer.DEFAULT_HOST;
    private static final String SUBJECT = "system:serviceaccount:acme:renew";
    private static final String WORKLOAD_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/policygen-dns01-eks-irsa";
    private static final String DNS_ROLE = "arn:aws:iam::" + ACCOUNT_B + ":role/policygen-dns01-zone-writer";
    private static final String EXTERNAL_ID = "acme-dns-4d1f";
    private static final String RUNTIME = "--runtime eks-irsa --oidc-provider " + HOST
            + " --service-account acme/renew --aws-account " + ACCOUNT_A;

    private Path roles;

    @BeforeEach
    void generateRoles() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        roles = dir.resolve("roles.json");
        String line = ZoneRolePolicies.of(policy(config), RenewConfigReader.read(config), List.of(),
                Optional.of(RenewBed.REGION), Optional.empty(), false, List.of()).workloadLine();
        assertTrue(line.startsWith("policygen generate ") && line.contains(" --runtime RUNTIME ")
                && !line.contains("'"), line);
        List<String> args = new ArrayList<>(Arrays.asList(line.substring("policygen ".length())
                .replace("--runtime RUNTIME", RUNTIME).split(" ")));
        args.addAll(List.of("-o", roles.toString()));
        CliRun generate = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, generate.exit(), generate.all());
        for (String file : List.of("roles.json", "roles-trust.json", "roles-dns-role.json",
                "roles-dns-role-trust.json")) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
    }

    private static RenewPolicy policy(Path config) throws Exception {
        return RenewPolicy.of(RenewConfigReader.read(config), List.of(), Optional.of(RenewBed.REGION),
                Optional.empty(), false);
    }

    /** The renew config: www.example.test in the zone of account B, through its role with {@code roleExtra}. */
    private Path config(String roleExtra) throws Exception {
        return bed.config(dir.resolve("renew-" + System.nanoTime() + ".yaml"), """
                  www:
                    domains: [www.example.test]
                    zones:
                      example.test:
                        id: %s
                        roleArn: %s
                        %s
                    destinations:
                      - files: {dir: %s}
                """.formatted(RenewBed.ZONE_ID, DNS_ROLE, roleExtra, dir.resolve("www")));
    }

    /** The sandbox with the zone in account B and the generated roles; {@code workloadPolicy} replaces roles.json. */
    private Sandbox sandbox(Path workloadPolicy) throws Exception {
        return bed.sandbox(dir.resolve("sandbox"), b -> b.zone(RenewBed.ZONE, RenewBed.ZONE_ID, ACCOUNT_B)
                .role(new RoleDeclaration(WORKLOAD_ROLE, dir.resolve("roles-trust.json"), List.of(workloadPolicy),
                        null, null))
                .role(new RoleDeclaration(DNS_ROLE, dir.resolve("roles-dns-role-trust.json"),
                        List.of(dir.resolve("roles-dns-role.json")), null, null)));
    }

    private RenewInEnvironment.Result renew(Sandbox sandbox, Path config, String subject) throws Exception {
        return RenewInEnvironment.run(bed, sandbox, config, dir, Map.of("AWS_ROLE_ARN", WORKLOAD_ROLE,
                "AWS_WEB_IDENTITY_TOKEN_FILE", token(subject).toString(), "AWS_ROLE_SESSION_NAME", "renew-pod"));
    }

    @Test
    void issuesWithOneAssumeRoleAndEveryRoute53CallAsTheDnsRole() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        try (Sandbox sandbox = sandbox(roles)) {
            RenewInEnvironment.Result run = renew(sandbox, config, SUBJECT);
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("www          renewed"), run.output());
            assertTrue(Files.exists(dir.resolve("www").resolve("fullchain.pem")));
            // the start line: the workload's generate line (with the DNS account) and the DNS role's
            String start = run.output().lines().filter(l -> l.contains("start")).findFirst().orElseThrow();
            assertTrue(start.contains("--dns-account " + ACCOUNT_B + " --dns-role-name policygen-dns01-zone-writer"
                    + " --external-id " + EXTERNAL_ID), start);
            assertTrue(start.contains("dns-role-policy"), start);

            List<JsonObject> log = RenewInEnvironment.log(sandbox);
            List<String> actions = log.stream().map(l -> RenewInEnvironment.text(l, "action")).toList();
            assertEquals(Set.of("sts:AssumeRoleWithWebIdentity", "sts:AssumeRole", "route53:ListResourceRecordSets",
                    "route53:ChangeResourceRecordSets", "route53:GetChange"), Set.copyOf(actions), actions.toString());
            assertEquals(1, actions.stream().filter("sts:AssumeRoleWithWebIdentity"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("sts:AssumeRole"::equals).count(), actions.toString());
            assertEquals(1, actions.stream().filter("route53:ListResourceRecordSets"::equals).count(), actions.toString());
            assertEquals(2, actions.stream().filter("route53:ChangeResourceRecordSets"::equals).count(),
                    "one batch to present, one to clean up: " + actions);
            int assume = actions.indexOf("sts:AssumeRole");
            assertTrue(actions.indexOf("sts:AssumeRoleWithWebIdentity") < assume, actions.toString());
            JsonObject assumed = log.get(assume);
            assertEquals(WORKLOAD_ROLE, RenewInEnvironment.context(assumed, "aws:PrincipalArn"), assumed.toString());
            assertEquals("allowed", RenewInEnvironment.text(assumed, "decision"), assumed.toString());
            for (int i = 0; i < log.size(); i++) {
                if (actions.get(i).startsWith("route53:")) {
                    JsonObject call = log.get(i);
                    assertTrue(i > assume, "Route 53 after the AssumeRole: " + actions);
                    assertEquals(DNS_ROLE, RenewInEnvironment.context(call, "aws:PrincipalArn"), call.toString());
                    assertTrue(RenewInEnvironment.text(call, "accessKeyId").startsWith("ASIA"), call.toString());
                    assertEquals("allowed", RenewInEnvironment.text(call, "decision"), call.toString());
                }
            }
        }
    }

    /**
     * renew --runtime eks-irsa: the start line's lines name the runtime, and the options renew cannot know as
     * placeholders; filled in, the workload line is a generate command writing exactly the four files this sandbox
     * holds, the policies the guard judged the run by.
     */
    @Test
    void withTheRuntimeTheStartLineIsTheGenerateLineOfTheRolesInUse() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        try (Sandbox sandbox = sandbox(roles)) {
            RenewInEnvironment.Result run = RenewInEnvironment.run(bed, sandbox, config, dir, Map.of("AWS_ROLE_ARN",
                    WORKLOAD_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE", token(SUBJECT).toString(), "AWS_ROLE_SESSION_NAME",
                    "renew-pod"), "--runtime", "eks-irsa");
            assertEquals(0, run.exit(), run.output());
            String start = run.output().lines().filter(l -> l.contains("start")).findFirst().orElseThrow();
            java.util.regex.Matcher policy = java.util.regex.Pattern.compile(" policy=\"([^\"]*)\"").matcher(start);
            assertTrue(policy.find(), start);
            String placeholders = " --runtime eks-irsa --aws-account ACCOUNT_ID --oidc-provider OIDC_PROVIDER"
                    + " --service-account NAMESPACE/NAME ";
            assertTrue(policy.group(1).contains(placeholders) && !start.contains("RUNTIME"), start);
            List<String> args = new ArrayList<>(Arrays.asList(policy.group(1).substring("policygen ".length())
                    .replace(placeholders, " " + RUNTIME + " ").split(" ")));
            Path printed = dir.resolve("printed.json");
            args.addAll(List.of("-o", printed.toString()));
            CliRun generate = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, generate.exit(), generate.all());
            for (String suffix : List.of(".json", "-trust.json", "-dns-role.json", "-dns-role-trust.json")) {
                assertEquals(Files.readString(dir.resolve("roles" + suffix)),
                        Files.readString(dir.resolve("printed" + suffix)), suffix);
            }
        }
    }

    @Test
    void withoutTheAssumeRoleGrantStsRefusesNamingRoleAndPrincipal() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        Path nothing = dir.resolve("no-assume.json");
        Files.writeString(nothing, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::elsewhere/*\"}]}");
        try (Sandbox sandbox = sandbox(nothing)) {
            RenewInEnvironment.Result run = renew(sandbox, config, SUBJECT);
            assertEquals(4, run.exit(), run.output());
            RenewInEnvironment.assertOneLine(run, "the trust policy of role " + DNS_ROLE + " refused arn:aws:sts::"
                    + ACCOUNT_A + ":assumed-role/policygen-dns01-eks-irsa/renew-pod", "(renew config roleArn,"
                    + " externalId sent)", "AccessDenied");
            assertStsRefusedAssumeRole(sandbox);
        }
    }

    @Test
    void withoutTheExternalIdStsRefusesSayingNoneWasSent() throws Exception {
        Path config = config("");
        try (Sandbox sandbox = sandbox(roles)) {
            RenewInEnvironment.Result run = renew(sandbox, config, SUBJECT);
            assertEquals(4, run.exit(), run.output());
            RenewInEnvironment.assertOneLine(run, "the trust policy of role " + DNS_ROLE + " refused", "no externalId"
                    + " was sent: if the trust requires sts:ExternalId, set externalId", "AccessDenied");
            assertStsRefusedAssumeRole(sandbox);
        }
    }

    @Test
    void withAWrongExternalIdStsRefuses() throws Exception {
        Path config = config("externalId: not-" + EXTERNAL_ID);
        try (Sandbox sandbox = sandbox(roles)) {
            RenewInEnvironment.Result run = renew(sandbox, config, SUBJECT);
            assertEquals(4, run.exit(), run.output());
            RenewInEnvironment.assertOneLine(run, "the trust policy of role " + DNS_ROLE + " refused",
                    "externalId sent", "AccessDenied");
            assertStsRefusedAssumeRole(sandbox);
        }
    }

    @Test
    void aTokenOfAnotherServiceAccountIsRefusedAtStsBeforeAnyRole() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        try (Sandbox sandbox = sandbox(roles)) {
            String other = "system:serviceaccount:default:other";
            RenewInEnvironment.Result run = renew(sandbox, config, other);
            assertEquals(4, run.exit(), run.output());
            RenewInEnvironment.assertOneLine(run, "the trust policy of role " + WORKLOAD_ROLE
                    + " refused the web identity", "(sub " + other + ")", "AccessDenied");
            RenewInEnvironment.assertNoRoute53(sandbox);
            assertFalse(actions(sandbox).contains("sts:AssumeRole"), actions(sandbox).toString());
        }
    }

    @Test
    void aGivenPolicyWithoutTheAssumeRoleGrantIsRefusedByTheGuardBeforeSts() throws Exception {
        Path config = config("externalId: " + EXTERNAL_ID);
        Path given = dir.resolve("given.json");
        Files.writeString(given, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::" + ACCOUNT_B + ":role/another\"}]}");
        try (Sandbox sandbox = sandbox(roles)) {
            RenewInEnvironment.Result run = RenewInEnvironment.run(bed, sandbox, config, dir, Map.of("AWS_ROLE_ARN",
                    WORKLOAD_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE", token(SUBJECT).toString()), "--policy",
                    given.toString());
            assertEquals(4, run.exit(), run.output());
            RenewInEnvironment.assertOneLine(run, "the policy denies sts:AssumeRole on " + DNS_ROLE);
            assertFalse(actions(sandbox).contains("sts:AssumeRole"), "never sent: " + actions(sandbox));
            RenewInEnvironment.assertNoRoute53(sandbox);
        }
    }

    /** Contained: judged on the generated files with the evaluator the sandbox's chain uses. */
    @Test
    void theDnsRoleWritesOnlyTheChallengeTxtAndTheWorkloadRoleAloneCannotTouchTheZone() throws Exception {
        HostedZoneId zone = HostedZoneId.parse(RenewBed.ZONE_ID);
        PolicyEvaluator dnsRole = evaluator(dir.resolve("roles-dns-role.json"));
        PolicyEvaluator workload = evaluator(dir.resolve("roles.json"));
        AccessRequest challenge = batch(zone, "CREATE", "TXT", "_acme-challenge.www.example.test");
        assertTrue(dnsRole.evaluate(challenge).decision().allowed(), "the challenge record");
        assertFalse(dnsRole.evaluate(batch(zone, "CREATE", "A", "www.example.test")).decision().allowed(), "A record");
        assertFalse(dnsRole.evaluate(batch(zone, "CREATE", "TXT", "_acme-challenge.other.example.test")).decision()
                .allowed(), "another name");
        assertFalse(dnsRole.evaluate(batch(zone, "UPSERT", "TXT", "_acme-challenge.www.example.test")).decision()
                .allowed(), "UPSERT");
        assertFalse(workload.evaluate(challenge).decision().allowed(), "the workload role alone");
        assertFalse(workload.evaluate(new AccessRequest("route53:ListResourceRecordSets", Partition.AWS
                .hostedZoneArn(zone), RequestContext.EMPTY)).decision().allowed(), "the workload role reads nothing");
        assertTrue(workload.evaluate(new AccessRequest("sts:AssumeRole", DNS_ROLE, RequestContext.EMPTY)).decision()
                .allowed(), "it may assume the DNS role");
        assertFalse(workload.evaluate(new AccessRequest("sts:AssumeRole", "arn:aws:iam::" + ACCOUNT_B
                + ":role/another", RequestContext.EMPTY)).decision().allowed(), "and no other role");
    }

    private static PolicyEvaluator evaluator(Path file) throws Exception {
        return PolicyEvaluator.of(List.of(PolicyReader.read(Files.readString(file), file.toString())));
    }

    private static AccessRequest batch(HostedZoneId zone, String action, String type, String name) {
        return ChangeBatch.request(Partition.AWS, zone, List.of(new RecordChange(action, type, name)), List.of());
    }

    /** STS was asked once and refused; nothing reached Route 53. */
    private static void assertStsRefusedAssumeRole(Sandbox sandbox) throws Exception {
        List<JsonObject> log = RenewInEnvironment.log(sandbox);
        List<JsonObject> assumed = log.stream().filter(l -> "sts:AssumeRole".equals(RenewInEnvironment.text(l,
                "action"))).toList();
        assertEquals(1, assumed.size(), actions(sandbox).toString());
        assertFalse("allowed".equals(RenewInEnvironment.text(assumed.get(0), "decision")), assumed.toString());
        RenewInEnvironment.assertNoRoute53(sandbox);
    }

    private static List<String> actions(Sandbox sandbox) throws Exception {
        return RenewInEnvironment.log(sandbox).stream().map(l -> RenewInEnvironment.text(l, "action")).toList();
    }

    private Path token(String subject) {
        Path token = dir.resolve("token-" + subject.replace(':', '_'));
        CliRun run = CliRun.of("sandbox", "token", "--state-dir", dir.resolve("sandbox").toString(), "--sub", subject,
                "--aud", "sts.amazonaws.com", "-o", token.toString());
        assertEquals(0, run.exit(), run.all());
        return token;
    }
}
