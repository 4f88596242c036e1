package dev.policygen.renew.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's two policies for zones in another account are the files generate writes from the lines renew
 * prints (with the runtime filled in): the role's is FILE-dns-role.json of its line, the workload's FILE.json of
 * the whole config's line when every zone is behind one role. With zones of renew's own as well, the workload keeps
 * their Route 53 grants and assumes each role, and the guard judges each zone's calls by the policy of whoever
 * makes them.
 */
class ZoneRolePoliciesTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/policygen-dns01-zone-writer";
    private static final String OTHER_ROLE = "arn:aws:iam::555566667777:role/dns";
    /** The runtime alone: renew ran with --aws-account, which its line already carries. */
    private static final String RUNTIME = "--runtime ec2";
    private static final Optional<String> ACCOUNT = Optional.of("111122223333");

    @TempDir
    Path dir;

    private static RenewConfig read(String certificates) throws Exception {
        return RenewConfigReader.read("accountKey: file:///k.pem\ncertificates:\n" + certificates, "c.yaml", true);
    }

    private static ZoneRolePolicies policies(RenewConfig config) throws Exception {
        RenewPolicy whole = RenewPolicy.of(config, List.of(), Optional.of("eu-west-1"), ACCOUNT, false);
        return ZoneRolePolicies.of(whole, config, List.of(), Optional.of("eu-west-1"), ACCOUNT, false, List.of());
    }

    @Test
    void theGuardsPoliciesAreTheFilesThePrintedLinesWrite() throws Exception {
        RenewConfig config = read("  www:\n    domains: [example.com, '*.example.com']\n"
                + "    zones: {example.com: {id: Z11111112222222333333, roleArn: " + ROLE + ", externalId: x-1}}\n"
                + "    destinations: [{iam-server-certificate: {namePrefix: www}}]\n");
        ZoneRolePolicies policies = policies(config);
        ZoneRole role = policies.roles().iterator().next();
        Path workload = generate(policies.workloadLine(), "workload.json");
        assertEquals(PolicyWriter.pretty(policies.workloadDocument()), Files.readString(workload));
        assertEquals(PolicyWriter.pretty(policies.roleDocument(role)),
                Files.readString(dir.resolve("workload-dns-role.json")));
        Path roleFiles = generate(policies.roleLine(role), "role.json");
        assertEquals(PolicyWriter.pretty(policies.roleDocument(role)),
                Files.readString(roleFiles.resolveSibling("role-dns-role.json")));
        // the workload role: the assumption and IAM, no Route 53
        String text = Files.readString(workload);
        assertTrue(text.contains(ROLE) && text.contains("iam:UploadServerCertificate")
                && !text.contains("route53:"), text);
    }

    @Test
    void withZonesOfItsOwnTheWorkloadKeepsThemAndEachZoneIsJudgedByItsReacher() throws Exception {
        RenewConfig config = read("  www:\n    domains: [a.example.com, b.example.org, c.example.net]\n"
                + "    zones:\n      example.com: {id: Z111, roleArn: " + ROLE + "}\n"
                + "      example.org: {id: Z222, roleArn: " + OTHER_ROLE + "}\n      example.net: Z333\n"
                + "    destinations: [files: {dir: /x}]\n");
        ZoneRolePolicies policies = policies(config);
        assertEquals(2, policies.roles().size());
        assertTrue(policies.workloadLine().endsWith(" plus sts:AssumeRole on " + ROLE + ", " + OTHER_ROLE),
                policies.workloadLine());
        RenewPolicy whole = RenewPolicy.of(config, List.of());
        PolicyGuard workload = PolicyGuard.of(List.of(policies.workloadDocument()), whole);
        java.util.Map<HostedZoneId, PolicyGuard> byZone = new java.util.LinkedHashMap<>();
        for (Map.Entry<HostedZoneId, ZoneRole> entry : policies.roleOfZone().entrySet()) {
            byZone.put(entry.getKey(), PolicyGuard.of(List.of(policies.roleDocument(entry.getValue())), whole));
        }
        PolicyGuard guard = workload.withZoneGuards(byZone);
        for (String[] allowed : new String[][] {{"Z111", "a.example.com"}, {"Z222", "b.example.org"},
                {"Z333", "c.example.net"}}) {
            assertDoesNotThrow(() -> guard.check(change(allowed[0], allowed[1])), allowed[1]);
        }
        // b's name in a's zone: a's role has no grant for it
        assertThrows(GuardException.class, () -> guard.check(change("Z111", "b.example.org")));
        // the roles' zones are not the workload's, and each role only its own
        assertThrows(GuardException.class, () -> workload.check(change("Z111", "a.example.com")));
        assertThrows(GuardException.class, () -> byZone.get(new HostedZoneId("Z222"))
                .check(change("Z222", "a.example.com")));
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("sts:AssumeRole", ROLE)));
        assertDoesNotThrow(() -> guard.check(IntendedCall.of("sts:AssumeRole", OTHER_ROLE)));
        assertThrows(GuardException.class, () -> guard.check(IntendedCall.of("sts:AssumeRole",
                "arn:aws:iam::222233334444:role/another")));
    }

    private static IntendedCall change(String zone, String name) {
        return IntendedCall.changeBatch(Partition.AWS, new HostedZoneId(zone), List.of(new RecordChange("CREATE",
                "TXT", "_acme-challenge." + name)));
    }

    /** Runs a printed line with RUNTIME filled in and {@code -o dir/name}; returns that file. */
    private Path generate(String line, String name) throws Exception {
        List<String> words = new ArrayList<>(RenewPolicyTest.shellWords(line.replace("--runtime RUNTIME",
                RUNTIME)));
        assertEquals(List.of("policygen", "generate"), words.subList(0, 2));
        Path out = dir.resolve(name);
        words.addAll(List.of("-o", out.toString()));
        CliRun run = CliRun.of(words.subList(1, words.size()).toArray(new String[0]));
        assertEquals(0, run.exit(), line + "\n" + run.err());
        PolicyReader.read(Files.readString(out), out.toString());
        return out;
    }
}
