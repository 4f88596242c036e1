package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, cross-account zones: the four files generate writes with {@code --dns-account}, put through
 * simulate's chain (hop 1: the workload role's sts:AssumeRole on the DNS role, under the workload's permissions
 * and the DNS role's trust; hop 2: the challenge change under the DNS role's permissions). Exactly the workload
 * role, sending the external id, may change the challenge record; another role of the same account, a role of
 * another account, a missing or wrong external id, and another record are denied.
 */
class DnsAccountChainTest {
    private static final String WORKLOAD = "arn:aws:iam::111122223333:role/lego-dns01-ecs-task";
    private static final String DNS_ROLE = "arn:aws:iam::222233334444:role/lego-dns01-zone-writer";
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() {
        CliRun run = CliRun.of("--client", "traefik", "--zone", ZONE, "--domain", "example.com", "--domain",
                "*.example.com", "--runtime", "ecs-task", "--aws-account", "111122223333", "--dns-account",
                "222233334444", "--external-id", "acme-dns-4d1f", "-o", dir.resolve("traefik.json").toString());
        assertEquals(0, run.exit(), run.all());
    }

    private static CliRun simulate(String principal, String change, String... more) {
        List<String> args = new ArrayList<>(List.of("simulate", "--policy", file("traefik-dns-role.json"),
                "--zone", ZONE, "--change", change, "--trust-policy", file("traefik-dns-role-trust.json"),
                "--role-arn", DNS_ROLE, "--principal", principal, "--caller-policy", file("traefik.json")));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void theWorkloadRoleWithTheExternalIdMayWriteTheChallenge() {
        CliRun run = simulate(WORKLOAD, "UPSERT:TXT:_acme-challenge.example.com", "--external-id", "acme-dns-4d1f");
        assertEquals(0, run.exit(), run.all());
    }

    @Test
    void everyOtherCallerOrRequestIsDenied() {
        String challenge = "UPSERT:TXT:_acme-challenge.example.com";
        List<CliRun> denied = List.of(
                simulate(WORKLOAD, challenge),
                simulate(WORKLOAD, challenge, "--external-id", "acme-dns-0000"),
                simulate("arn:aws:iam::111122223333:role/other", challenge, "--external-id", "acme-dns-4d1f"),
                simulate("arn:aws:iam::444455556666:role/lego-dns01-ecs-task", challenge, "--external-id",
                        "acme-dns-4d1f"),
                simulate(WORKLOAD, "UPSERT:A:www.example.com", "--external-id", "acme-dns-4d1f"));
        for (CliRun run : denied) {
            assertEquals(1, run.exit(), run.all());
        }
    }
}
