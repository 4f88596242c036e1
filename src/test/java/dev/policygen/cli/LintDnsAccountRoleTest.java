package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, the role diff for cross-account zones: the DNS role that {@code generate --dns-account} writes is
 * judged by lint's role diff with the {@code role} runtime it is built from (docs/cross-account.md, "Linting
 * the DNS role"): {@code --runtime role --trusted-role WORKLOAD_ROLE_ARN [--external-id] --aws-account
 * DNS_ACCOUNT}. Its trust and permission files lint clean (and the workload role's trust with its own runtime's
 * options); a trust widened to the workload account's root or
 * without the external id is over-trust (PG503); one naming another role is under-trust (PG504).
 */
class LintDnsAccountRoleTest {
    private static final String WORKLOAD_ACCOUNT = "111122223333";
    private static final String DNS_ACCOUNT = "222233334444";
    private static final String WORKLOAD_ROLE = "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":role/lego-dns01-ecs-task";
    private static final String EXTERNAL_ID = "acme-dns-4d1f";
    private static final List<String> SCOPE = List.of("--client", "traefik", "--zone", "Z11111112222222333333",
            "--domain", "example.com", "--domain", "*.example.com");
    /** The DNS role as the role runtime: trusted by exactly the workload role, in the DNS account. */
    private static final List<String> DNS_ROLE = List.of("--runtime", "role", "--trusted-role", WORKLOAD_ROLE,
            "--external-id", EXTERNAL_ID, "--aws-account", DNS_ACCOUNT, "--role-name", "lego-dns01-zone-writer");

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        List<String> args = new ArrayList<>(List.of("generate"));
        args.addAll(SCOPE);
        args.addAll(List.of("--runtime", "ecs-task", "--aws-account", WORKLOAD_ACCOUNT, "--dns-account", DNS_ACCOUNT,
                "--external-id", EXTERNAL_ID, "-o", dir.resolve("traefik.json").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCode.OK, run.exit(), run.all());
    }

    private static CliRun lint(String... files) {
        List<String> args = new ArrayList<>(List.of("lint", "--fail-on", "warning"));
        args.addAll(SCOPE);
        args.addAll(DNS_ROLE);
        args.addAll(List.of(files));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** The generated DNS role trust with each {@code from, to} pair of texts replaced, as a new file. */
    private static String changedTrust(String... fromTo) throws Exception {
        String trust = Files.readString(dir.resolve("traefik-dns-role-trust.json"));
        for (int i = 0; i < fromTo.length; i += 2) {
            assertTrue(trust.contains(fromTo[i]), trust);
            trust = trust.replace(fromTo[i], fromTo[i + 1]);
        }
        Path changed = Files.createTempFile(dir, "trust", ".json");
        Files.writeString(changed, trust);
        return changed.toString();
    }

    @Test
    void theDnsRoleGenerateWritesLintsCleanAsTheRoleRuntime() {
        CliRun run = lint(dir.resolve("traefik-dns-role-trust.json").toString(),
                dir.resolve("traefik-dns-role.json").toString());
        assertEquals(new CliRun(ExitCode.OK, "", ""), run, run.all());
    }

    @Test
    void theWorkloadRolesTrustLintsCleanWithItsOwnRuntime() {
        List<String> args = new ArrayList<>(List.of("lint", "--fail-on", "warning"));
        args.addAll(SCOPE);
        args.addAll(List.of("--runtime", "ecs-task", "--aws-account", WORKLOAD_ACCOUNT,
                dir.resolve("traefik-trust.json").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(new CliRun(ExitCode.OK, "", ""), run, run.all());
    }

    @Test
    void theWorkloadAccountsRootIsOverTrust() throws Exception {
        CliRun run = lint(changedTrust(WORKLOAD_ROLE, "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":root"));
        assertEquals(ExitCode.FINDINGS, run.exit(), run.all());
        assertTrue(run.out().contains("PG503"), run.out());
        assertFalse(run.out().contains("PG504"), run.out());
    }

    @Test
    void anyExternalIdIsOverTrust() throws Exception {
        CliRun run = lint(changedTrust("\"StringEquals\"", "\"StringLike\"", "\"" + EXTERNAL_ID + "\"", "\"*\""));
        assertEquals(ExitCode.FINDINGS, run.exit(), run.all());
        assertTrue(run.out().contains("PG503"), run.out());
    }

    @Test
    void aConditionTheWorkloadRoleCannotMeetIsUnderTrust() throws Exception {
        CliRun run = lint(changedTrust("\"sts:ExternalId\"", "\"aws:PrincipalTag/team\""));
        assertEquals(ExitCode.FINDINGS, run.exit(), run.all());
        assertTrue(run.out().contains("PG504"), run.out());
    }

    @Test
    void anotherRoleIsUnderTrust() throws Exception {
        CliRun run = lint(changedTrust(WORKLOAD_ROLE, "arn:aws:iam::" + WORKLOAD_ACCOUNT + ":role/other"));
        assertEquals(ExitCode.FINDINGS, run.exit(), run.all());
        assertTrue(run.out().contains("PG504"), run.out());
    }
}
