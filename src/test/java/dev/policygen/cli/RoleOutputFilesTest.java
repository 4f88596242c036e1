package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate --runtime -o FILE.json: FILE.json and FILE-trust.json, with --dns-account also FILE-dns-role.json and
 * FILE-dns-role-trust.json (CloudFormation: FILE-dns-account.yaml); a later run that no longer writes a file
 * removes it.
 */
class RoleOutputFilesTest {
    @TempDir
    Path dir;

    private static List<String> lambda(Path output, boolean role) {
        List<String> args = new ArrayList<>(List.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain",
                "example.com", "-o", output.toString()));
        if (role) {
            args.addAll(List.of("--aws-account", "111122223333", "--runtime", "lambda"));
        }
        return args;
    }

    /** generate with the lambda role ({@link #lambda}) and {@code extra} options. */
    private static CliRun withRole(Path output, String... extra) {
        List<String> args = new ArrayList<>(lambda(output, true));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void theTrustPolicyGoesBesideThePermissionPolicyAndIsRemovedWhenNoLongerWritten() throws Exception {
        Path output = dir.resolve("p.json");
        CliRun withRole = CliRun.of(lambda(output, true).toArray(new String[0]));
        assertEquals(0, withRole.exit(), withRole.all());
        Path trust = dir.resolve("p-trust.json");
        assertTrue(Files.readString(trust).contains("lambda.amazonaws.com"));
        assertTrue(Files.readString(output).contains("route53:ChangeResourceRecordSets"));
        CliRun trustOnly = CliRun.of("trust", "--client", "lego", "--zone", "Z11111112222222333333", "--domain",
                "example.com", "--aws-account", "111122223333", "--runtime", "lambda");
        assertEquals(Files.readString(trust), trustOnly.out());
        CliRun withoutRole = CliRun.of(lambda(output, false).toArray(new String[0]));
        assertEquals(0, withoutRole.exit(), withoutRole.all());
        assertFalse(Files.exists(trust), withoutRole.err());
        assertTrue(withoutRole.err().contains("removed " + trust), withoutRole.err());
    }

    @Test
    void aDnsAccountAddsTheDnsRolesFilesWhichALaterRunWithoutItRemoves() throws Exception {
        Path output = dir.resolve("p.json");
        CliRun cross = withRole(output, "--dns-account", "222233334444", "--external-id", "acme-dns-4d1f");
        assertEquals(0, cross.exit(), cross.all());
        assertTrue(Files.readString(output).contains("\"sts:AssumeRole\""), Files.readString(output));
        assertFalse(Files.readString(output).contains("route53:"), Files.readString(output));
        assertTrue(Files.readString(dir.resolve("p-trust.json")).contains("lambda.amazonaws.com"));
        assertTrue(Files.readString(dir.resolve("p-dns-role.json")).contains("route53:ChangeResourceRecordSets"));
        String dnsTrust = Files.readString(dir.resolve("p-dns-role-trust.json"));
        assertTrue(dnsTrust.contains("arn:aws:iam::111122223333:role/lego-dns01-lambda")
                && dnsTrust.contains("acme-dns-4d1f"), dnsTrust);
        CliRun trustOnly = CliRun.of(("trust --client lego --zone Z11111112222222333333 --domain example.com "
                + "--aws-account 111122223333 --runtime lambda --dns-account 222233334444 --external-id acme-dns-4d1f")
                .split(" "));
        assertEquals(Files.readString(dir.resolve("p-trust.json")) + dnsTrust, trustOnly.out());
        CliRun sameAccount = CliRun.of(lambda(output, true).toArray(new String[0]));
        assertEquals(0, sameAccount.exit(), sameAccount.all());
        for (String stale : List.of("p-dns-role.json", "p-dns-role-trust.json")) {
            assertFalse(Files.exists(dir.resolve(stale)), sameAccount.err());
            assertTrue(sameAccount.err().contains("removed " + dir.resolve(stale)), sameAccount.err());
        }
    }

    @Test
    void cloudFormationWritesOneTemplatePerAccount() throws Exception {
        Path output = dir.resolve("roles.yaml");
        CliRun run = withRole(output, "--dns-account", "222233334444", "--format", "cloudformation");
        assertEquals(0, run.exit(), run.all());
        String workload = Files.readString(output);
        String dns = Files.readString(dir.resolve("roles-dns-account.yaml"));
        assertTrue(workload.contains("sts:AssumeRole") && !workload.contains("route53:"), workload);
        assertTrue(dns.startsWith("---\n") && dns.contains("route53:ChangeResourceRecordSets"), dns);
        CliRun plain = CliRun.of(lambda(output, true).toArray(new String[0]));
        assertEquals(0, plain.exit(), plain.all());
        assertFalse(Files.exists(dir.resolve("roles-dns-account.yaml")), plain.err());
    }
}
