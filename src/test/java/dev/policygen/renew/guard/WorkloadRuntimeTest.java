package dev.policygen.renew.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * renew --runtime NAME fills in the runtime of the generate lines renew prints for zones in other accounts: with a
 * runtime that needs only the account, and the account known, each line is a generate command generate takes as it
 * is, and the files it writes are the policies the guard judges by; with one that needs more, the options renew
 * cannot know are named with placeholders. Names generate does not know, and {@code user} (no role), are refused
 * naming the value and the choices.
 */
class WorkloadRuntimeTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/policygen-dns01-zone-writer";
    private static final String ACCOUNT = "111122223333";
    private static final String CERTIFICATES = "  www:\n    domains: [example.com, '*.example.com']\n"
            + "    zones: {example.com: {id: Z11111112222222333333, roleArn: " + ROLE + ", externalId: x-1}}\n"
            + "    destinations: [{iam-server-certificate: {namePrefix: www}}]\n";

    @TempDir
    Path dir;

    private static ZoneRolePolicies policies(Optional<String> account, WorkloadRuntime runtime) throws Exception {
        RenewConfig config = RenewConfigReader.read("accountKey: file:///k.pem\ncertificates:\n" + CERTIFICATES,
                "c.yaml", true);
        RenewPolicy whole = RenewPolicy.of(config, List.of(), Optional.of("eu-west-1"), account, false);
        return ZoneRolePolicies.of(whole, config, List.of(), Optional.of("eu-west-1"), account, false, List.of())
                .runningOn(runtime);
    }

    @Test
    void withTheRuntimeAndTheAccountTheLinesAreGenerateCommandsWritingTheGuardsPolicies() throws Exception {
        for (String runtime : List.of("ec2", "ecs-task", "lambda")) {
            ZoneRolePolicies policies = policies(Optional.of(ACCOUNT), WorkloadRuntime.parse(runtime));
            ZoneRole role = policies.roles().iterator().next();
            String line = policies.workloadLine();
            assertTrue(line.contains(" --runtime " + runtime + " ") && !line.contains(WorkloadRuntime.PLACEHOLDER),
                    line);
            Path workload = generate(line, runtime + ".json");
            assertEquals(PolicyWriter.pretty(policies.workloadDocument()), Files.readString(workload), runtime);
            assertEquals(PolicyWriter.pretty(policies.roleDocument(role)),
                    Files.readString(dir.resolve(runtime + "-dns-role.json")), runtime);
            assertTrue(Files.readString(dir.resolve(runtime + "-trust.json")).contains("amazonaws.com"), runtime);
            generate(policies.roleLine(role), runtime + "-role.json");
            assertEquals(PolicyWriter.pretty(policies.roleDocument(role)),
                    Files.readString(dir.resolve(runtime + "-role-dns-role.json")), runtime);
        }
    }

    @Test
    void optionsRenewCannotKnowAreNamedForTheOperatorToFillIn() throws Exception {
        String line = policies(Optional.empty(), WorkloadRuntime.parse("eks-irsa")).workloadLine();
        String filled = " --runtime eks-irsa --aws-account ACCOUNT_ID --oidc-provider OIDC_PROVIDER --service-account"
                + " NAMESPACE/NAME ";
        assertTrue(line.contains(filled), line);
        generate(line.replace(filled, " --runtime eks-irsa --aws-account " + ACCOUNT + " --oidc-provider"
                + " oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE --service-account acme/renew "),
                "irsa.json");
        assertTrue(Files.readString(dir.resolve("irsa-trust.json")).contains("system:serviceaccount:acme:renew"));

        assertTrue(policies(Optional.of(ACCOUNT), WorkloadRuntime.parse("github-actions")).workloadLine().contains(
                " --runtime github-actions --repository OWNER/REPO --ref REF "));
        // without --runtime the placeholder stays, as before
        String unknown = policies(Optional.of(ACCOUNT), WorkloadRuntime.UNKNOWN).workloadLine();
        assertTrue(unknown.contains(" --runtime RUNTIME --dns-account 222233334444 "), unknown);
    }

    @Test
    void unknownNamesAndUserAreRefusedNamingTheValueAndTheChoices() {
        UsageException unknown = assertThrows(UsageException.class, () -> WorkloadRuntime.parse("eks"));
        assertEquals("unknown runtime \"eks\"; use one of ec2, ecs-task, lambda, eks-irsa, eks-pod-identity,"
                + " github-actions, role", unknown.getMessage());
        UsageException user = assertThrows(UsageException.class, () -> WorkloadRuntime.parse("user"));
        assertTrue(user.getMessage().startsWith("--runtime user runs as no role"), user.getMessage());
        assertFalse(user.getMessage().contains("use one of user"), user.getMessage());
    }

    @Test
    void renewRefusesAnUnknownRuntimeAsAUsageErrorBeforeAnything() {
        CliRun run = CliRun.of("renew", "--runtime", "kubernetes", "--config", dir.resolve("absent.yaml").toString());
        assertEquals(2, run.exit(), run.all());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("unknown runtime \"kubernetes\"; use one of ec2, ecs-task"), run.err());
        assertFalse(run.err().contains("at dev.policygen"), run.err());
    }

    /** Runs a printed line with {@code -o dir/name}; returns that file. */
    private Path generate(String line, String name) throws Exception {
        List<String> words = new ArrayList<>(RenewPolicyTest.shellWords(line));
        assertEquals(List.of("policygen", "generate"), words.subList(0, 2));
        Path out = dir.resolve(name);
        words.addAll(List.of("-o", out.toString()));
        CliRun run = CliRun.of(words.subList(1, words.size()).toArray(new String[0]));
        assertEquals(0, run.exit(), line + "\n" + run.err());
        return out;
    }
}
