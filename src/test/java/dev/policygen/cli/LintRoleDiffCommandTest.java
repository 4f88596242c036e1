package dev.policygen.cli;

import static dev.policygen.cli.LintCommandTest.field;
import static dev.policygen.cli.LintCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.identity.Runtimes;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintFiles;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.RandomRoleRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lint --client ... --runtime KIND through the CLI (issue 11, the role diff): what generate writes for a
 * runtime lints clean with the same options, for every runtime; PG503 and PG504 in SARIF; a role read from
 * {@code aws iam get-role} output; and the runtime options' errors are generate's own, or lint's orphan line.
 */
class LintRoleDiffCommandTest {
    private static final String OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final List<String> IRSA = List.of("--client", "cert-manager", "--zone", "Z11111112222222333333",
            "--domain", "example.com", "--zone-id-configured", "--runtime", "eks-irsa", "--oidc-provider", OIDC,
            "--service-account", "cert-manager/cert-manager", "--aws-account", "111122223333");

    private static CliRun run(List<String> first, String... rest) {
        List<String> args = new ArrayList<>(first);
        args.addAll(List.of(rest));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> with(String command, List<String> options) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(options);
        return args;
    }

    @Test
    void whatGenerateWritesForEachRuntimeLintsCleanWithTheSameOptions(@TempDir Path dir) throws Exception {
        Random random = new Random(0x501eL);
        for (String runtime : Runtimes.NAMES.subList(1, Runtimes.NAMES.size())) {
            for (int i = 0; i < 2; i++) {
                List<String> options = RandomRoleRequests.arguments(random, runtime);
                Path out = Files.createDirectories(dir.resolve(runtime + i)).resolve("role.json");
                CliRun generated = run(with("generate", options), "-o", out.toString());
                assertEquals(ExitCode.OK, generated.exit(), generated.err());
                List<String> files;
                try (Stream<Path> written = Files.list(out.getParent())) {
                    files = written.map(Path::toString).sorted().toList();
                }
                assertTrue(files.stream().anyMatch(f -> f.endsWith("-trust.json")), files.toString());
                CliRun lint = run(with("lint", options), files.toArray(String[]::new));
                assertEquals(new CliRun(ExitCode.OK, "", ""), lint, String.join(" ", options));
                CliRun strict = run(with("lint", options), Stream.concat(Stream.of("--fail-on", "warning"),
                        files.stream()).toArray(String[]::new));
                assertFalse(strict.out().contains("PG50"), String.join(" ", options) + "\n" + strict.out());
            }
        }
    }

    @Test
    void sarifCarriesBothTrustDiffRulesAndTheirResults() throws Exception {
        CliRun run = run(with("lint", IRSA), "--format", "sarif",
                LintFiles.testResource("lint-fixtures/PG503/bad2.json").toString(),
                LintFiles.testResource("lint-fixtures/PG504/bad1.json").toString());
        assertEquals(ExitCode.FINDINGS, run.exit(), "PG504 is an error");
        JsonNode sarif = JsonReader.read(run.out(), "sarif");
        JsonNode runNode = ((JsonNode.JsonArray) field(sarif, "runs")).elements().get(0);
        List<String> rules = new ArrayList<>();
        for (JsonNode rule : ((JsonNode.JsonArray) field(field(field(runNode, "tool"), "driver"), "rules")).elements()) {
            if (text(rule, "id").matches("PG50[34]")) {
                rules.add(text(rule, "id") + " " + text(field(rule, "defaultConfiguration"), "level") + " "
                        + text(field(rule, "properties"), "page"));
            }
        }
        assertEquals(List.of("PG503 warning docs/rules/PG503.md", "PG504 error docs/rules/PG504.md"), rules);
        List<String> results = new ArrayList<>();
        for (JsonNode result : ((JsonNode.JsonArray) field(runNode, "results")).elements()) {
            if (text(result, "ruleId").startsWith("PG50")) {
                results.add(text(result, "ruleId") + " " + text(result, "level"));
            }
        }
        assertEquals(List.of("PG503 warning", "PG503 warning", "PG504 error"), results);
    }

    @Test
    void aRoleFromGetRoleOutputIsJudgedOnItsTrust(@TempDir Path dir) throws Exception {
        Path role = dir.resolve("get-role.json");
        Files.writeString(role, "{\"Role\": {\"RoleName\": \"cert-manager\", \"Arn\": \"arn:aws:iam::111122223333:role/"
                + "cert-manager\", \"AssumeRolePolicyDocument\": " + Files.readString(LintFiles.testResource(
                "lint-fixtures/PG503/bad1.json")) + "}}");
        CliRun run = run(with("lint", IRSA), "--ignore", "PG602", role.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(1, run.out().lines().count(), run.out());
        assertTrue(run.out().contains("warning PG503 statement 0 (Sid EveryServiceAccountOfTheNamespace, Allow) lets"
                + " another service account of the namespace assume the role: web identity arn:aws:iam::111122223333:"
                + "oidc-provider/" + OIDC + " with sub system:serviceaccount:cert-manager:policygen-probe, aud"
                + " sts.amazonaws.com, which the trust generate writes for --runtime eks-irsa refuses"), run.out());
    }

    @Test
    void withoutARuntimeTrustPoliciesAreNotDiffed() {
        List<String> noRuntime = IRSA.subList(0, IRSA.indexOf("--runtime"));
        CliRun run = run(with("lint", noRuntime), "--fail-on", "never",
                LintFiles.testResource("lint-fixtures/PG504/bad1.json").toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertFalse(run.out().contains("PG50"), run.out());
    }

    @Test
    void runtimeOptionsAloneAreRefusedAndMissingOnesWordedAsGenerateWordsThem() {
        String file = LintFiles.testResource("lint-fixtures/PG503/good1.json").toString();
        CliRun orphan = CliRun.of("lint", "--runtime", "eks-irsa", "--service-account", "a/b", file);
        assertEquals(ExitCode.USAGE, orphan.exit());
        assertTrue(orphan.err().contains("--runtime describes the client to compare with; give --client too"),
                orphan.err());
        CliRun orphanOption = CliRun.of("lint", "--oidc-provider", OIDC, file);
        assertEquals(ExitCode.USAGE, orphanOption.exit());
        assertTrue(orphanOption.err().contains("--oidc-provider describes the client to compare with; give --client"
                + " too"), orphanOption.err());
        List<String> missing = new ArrayList<>(IRSA);
        missing.subList(missing.indexOf("--oidc-provider"), missing.indexOf("--oidc-provider") + 2).clear();
        CliRun lint = run(with("lint", missing), file);
        CliRun generate = run(with("generate", missing));
        assertEquals(ExitCode.USAGE, lint.exit());
        assertEquals(generate.err(), lint.err());
        assertTrue(lint.err().contains("--runtime eks-irsa needs --oidc-provider"), lint.err());
        List<String> noAccount = new ArrayList<>(IRSA);
        noAccount.subList(noAccount.indexOf("--aws-account"), noAccount.indexOf("--aws-account") + 2).clear();
        assertEquals(run(with("generate", noAccount)).err(), run(with("lint", noAccount), file).err());
    }
}
