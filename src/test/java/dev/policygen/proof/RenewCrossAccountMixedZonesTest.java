package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.generate.ZoneRef;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.model.PolicyReader;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.guard.ZoneRolePolicies;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, the mix the renew-roleArn work left untested: one certificate in example.test, a zone of account B
 * reached through its {@code roleArn}, and one in own.test, a zone of the workload's own account A that the config
 * leaves out, so renew discovers it. Renew runs as the IRSA workload role of account A. Its roles are the files
 * the two lines of the start line write (RUNTIME filled in): the workload role gets the own-zone line's policy plus
 * the {@code sts:AssumeRole} grant the role line writes to FILE.json; the DNS role gets FILE-dns-role.json.
 * Sufficient (both issued), exact (the discovery and own.test's calls as the workload role, example.test's as the
 * DNS role), and the printed lines are the ones whose files the sandbox enforced.
 */
class RenewCrossAccountMixedZonesTest extends RenewBedTest {
    private static final String ACCOUNT_A = RenewBed.ACCOUNT;
    private static final String ACCOUNT_B = "222222222222";
    private static final String OWN_ZONE = "own.test";
    private static final String OWN_ZONE_ID = "Z0OWNTEST";
    private static final String SUBJECT = "system:serviceaccount:acme:renew";
    private static final String WORKLOAD_ROLE = "arn:aws:iam::" + ACCOUNT_A + ":role/policygen-dns01-eks-irsa";
    private static final String DNS_ROLE = "arn:aws:iam::" + ACCOUNT_B + ":role/policygen-dns01-zone-writer";
    private static final String EXTERNAL_ID = "acme-dns-4d1f";
    private static final String RUNTIME = "--runtime eks-irsa --oidc-provider " + OidcIssuer.DEFAULT_HOST
            + " --service-account acme/renew --aws-account " + ACCOUNT_A;
    private static final String PLUS_ASSUME = " plus sts:AssumeRole on ";

    @Test
    void bothIssuedDiscoveryAsTheWorkloadAndTheRoleZoneAsTheRole() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test]
                    zones:
                      example.test:
                        id: %s
                        roleArn: %s
                        externalId: %s
                    destinations:
                      - files: {dir: %s}
                  api:
                    domains: [api.own.test]
                    destinations:
                      - files: {dir: %s}
                """.formatted(RenewBed.ZONE_ID, DNS_ROLE, EXTERNAL_ID, dir.resolve("www"), dir.resolve("api")));
        // the lines renew prints for this config once it has found own.test (it runs without --aws-account)
        RenewConfig read = RenewConfigReader.read(config);
        List<ZoneRef> discovered = List.of(ZoneRef.parse(OWN_ZONE + "=" + OWN_ZONE_ID));
        ZoneRolePolicies policies = ZoneRolePolicies.of(RenewPolicy.of(read, discovered,
                Optional.of(RenewBed.REGION), Optional.empty(), false), read, discovered,
                Optional.of(RenewBed.REGION), Optional.empty(), false, List.of());
        String workloadLine = policies.workloadLine();
        String roleLine = policies.roleLine(policies.roles().iterator().next());
        assertTrue(workloadLine.endsWith(PLUS_ASSUME + DNS_ROLE), workloadLine);
        String ownLine = workloadLine.substring(0, workloadLine.length() - (PLUS_ASSUME + DNS_ROLE).length());
        assertFalse(ownLine.contains("--zone-id-configured"), "own.test is discovered: " + ownLine);
        // the own zones' line (the workload's Route 53) and the role's line (both roles' trust, the
        // sts:AssumeRole grant in roles.json, the DNS role's policy in roles-dns-role.json)
        Path own = generate(ownLine, "own.json");
        Path roles = generate(roleLine.replace("--runtime RUNTIME", RUNTIME), "roles.json");
        String assumeOnly = Files.readString(roles);
        assertFalse(assumeOnly.contains("route53:"), "roles.json is the sts:AssumeRole grant: " + assumeOnly);

        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b
                .zone(RenewBed.ZONE, RenewBed.ZONE_ID, ACCOUNT_B).zone(OWN_ZONE, OWN_ZONE_ID, ACCOUNT_A)
                .role(new RoleDeclaration(WORKLOAD_ROLE, dir.resolve("roles-trust.json"), List.of(own, roles),
                        null, null))
                .role(new RoleDeclaration(DNS_ROLE, dir.resolve("roles-dns-role-trust.json"),
                        List.of(dir.resolve("roles-dns-role.json")), null, null)))) {
            RenewInEnvironment.Result run = RenewInEnvironment.run(bed, sandbox, config, dir, Map.of("AWS_ROLE_ARN",
                    WORKLOAD_ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE", token().toString(), "AWS_ROLE_SESSION_NAME",
                    "renew-pod"));
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("www          renewed"), run.output());
            assertTrue(run.output().contains("api          renewed"), run.output());
            assertTrue(Files.exists(dir.resolve("www").resolve("fullchain.pem")));
            assertTrue(Files.exists(dir.resolve("api").resolve("fullchain.pem")));
            // the start line names exactly the lines whose files the sandbox enforced
            String start = run.output().lines().filter(l -> l.contains("start")).findFirst().orElseThrow();
            assertEquals(workloadLine, quoted(start, " policy"), start);
            assertEquals(roleLine, quoted(start, " dns-role-policy"), start);

            assertExact(RenewInEnvironment.log(sandbox));
        }
        assertContained(own, dir.resolve("roles-dns-role.json"));
    }

    /** Discovery and own.test's calls as the workload role, example.test's as the DNS role; all allowed. */
    private static void assertExact(List<JsonObject> log) {
        List<String> actions = log.stream().map(l -> RenewInEnvironment.text(l, "action")).toList();
        assertEquals(Set.of("sts:AssumeRoleWithWebIdentity", "sts:AssumeRole", "route53:ListHostedZonesByName",
                "route53:ListResourceRecordSets", "route53:ChangeResourceRecordSets", "route53:GetChange"),
                Set.copyOf(actions), actions.toString());
        assertEquals(1, actions.stream().filter("sts:AssumeRole"::equals).count(), actions.toString());
        assertEquals(1, actions.stream().filter(Route53Names.LIST_HOSTED_ZONES_BY_NAME::equals).count(),
                "one name to discover: " + actions);
        Map<String, Integer> byZoneAndPrincipal = new java.util.TreeMap<>();
        for (JsonObject call : log) {
            String action = RenewInEnvironment.text(call, "action");
            assertEquals("allowed", RenewInEnvironment.text(call, "decision"), call.toString());
            if (!action.startsWith("route53:")) {
                continue;
            }
            String principal = RenewInEnvironment.context(call, "aws:PrincipalArn");
            String resource = String.valueOf(RenewInEnvironment.text(call, "resource"));
            if (action.equals(Route53Names.LIST_HOSTED_ZONES_BY_NAME) || resource.endsWith("/" + OWN_ZONE_ID)) {
                assertEquals(WORKLOAD_ROLE, principal, "the workload's own zone: " + call);
            } else if (resource.endsWith("/" + RenewBed.ZONE_ID)) {
                assertEquals(DNS_ROLE, principal, "the role's zone: " + call);
                assertTrue(RenewInEnvironment.text(call, "accessKeyId").startsWith("ASIA"), call.toString());
            } else {
                // GetChange is on a change id: whoever made the change asks after it
                assertTrue(WORKLOAD_ROLE.equals(principal) || DNS_ROLE.equals(principal), call.toString());
            }
            byZoneAndPrincipal.merge(action + " " + principal, 1, Integer::sum);
        }
        for (String principal : List.of(WORKLOAD_ROLE, DNS_ROLE)) {
            assertEquals(1, byZoneAndPrincipal.get("route53:ListResourceRecordSets " + principal),
                    byZoneAndPrincipal.toString());
            assertEquals(2, byZoneAndPrincipal.get("route53:ChangeResourceRecordSets " + principal),
                    "present and clean up, in each zone: " + byZoneAndPrincipal);
            assertTrue(byZoneAndPrincipal.getOrDefault("route53:GetChange " + principal, 0) >= 1,
                    byZoneAndPrincipal.toString());
        }
    }

    /** Each identity's files reach its own zone's challenge only. */
    private static void assertContained(Path ownFile, Path dnsRoleFile) throws Exception {
        PolicyEvaluator workload = evaluator(ownFile);
        PolicyEvaluator dnsRole = evaluator(dnsRoleFile);
        HostedZoneId ownZone = HostedZoneId.parse(OWN_ZONE_ID);
        HostedZoneId roleZone = HostedZoneId.parse(RenewBed.ZONE_ID);
        assertTrue(workload.evaluate(new AccessRequest(Route53Names.LIST_HOSTED_ZONES_BY_NAME, "*",
                RequestContext.EMPTY)).decision().allowed(), "discovery");
        assertTrue(workload.evaluate(batch(ownZone, "_acme-challenge.api.own.test")).decision().allowed());
        assertFalse(workload.evaluate(batch(roleZone, "_acme-challenge.www.example.test")).decision().allowed(),
                "the role's zone is not the workload's");
        assertTrue(dnsRole.evaluate(batch(roleZone, "_acme-challenge.www.example.test")).decision().allowed());
        assertFalse(dnsRole.evaluate(batch(ownZone, "_acme-challenge.api.own.test")).decision().allowed(),
                "the workload's zone is not the role's");
        assertFalse(dnsRole.evaluate(new AccessRequest(Route53Names.LIST_HOSTED_ZONES_BY_NAME, "*",
                RequestContext.EMPTY)).decision().allowed(), "the role discovers nothing");
    }

    private static PolicyEvaluator evaluator(Path file) throws Exception {
        return PolicyEvaluator.of(List.of(PolicyReader.read(Files.readString(file), file.toString())));
    }

    private static AccessRequest batch(HostedZoneId zone, String name) {
        return ChangeBatch.request(Partition.AWS, zone, List.of(new RecordChange("CREATE", "TXT", name)), List.of());
    }

    /** The value of {@code key="..."} on the start line. */
    private static String quoted(String line, String key) {
        Matcher matcher = Pattern.compile(Pattern.quote(key + "=\"") + "([^\"]*)\"").matcher(line);
        assertTrue(matcher.find(), key + " in: " + line);
        return matcher.group(1);
    }

    /** Runs a printed generate line (no shell quoting in it) with {@code -o dir/name}. */
    private Path generate(String line, String name) {
        assertTrue(line.startsWith("policygen generate ") && !line.contains("'"), line);
        List<String> args = new ArrayList<>(Arrays.asList(line.substring("policygen ".length()).split(" ")));
        Path out = dir.resolve(name);
        args.addAll(List.of("-o", out.toString()));
        CliRun generate = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, generate.exit(), line + "\n" + generate.all());
        return out;
    }

    private Path token() {
        Path token = dir.resolve("token");
        CliRun run = CliRun.of("sandbox", "token", "--state-dir", dir.resolve("sandbox").toString(), "--sub", SUBJECT,
                "--aud", "sts.amazonaws.com", "-o", token.toString());
        assertEquals(0, run.exit(), run.all());
        return token;
    }
}
