package dev.policygen.ci;

import static dev.policygen.ci.CiFixture.BAD_POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.ci.CiFixture.Result;
import dev.policygen.testing.JvmLauncher;
import dev.policygen.testing.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (CI): the hook of {@code .pre-commit-hooks.yaml} run by the real pre-commit (Debian's, installed by
 * src/test/setup/pre-commit.sh; without it the test fails). The hook repository is a throw-away git repository
 * holding this checkout's hook files, so pre-commit clones it from a local path and never from the network;
 * HOME and PRE_COMMIT_HOME point into the test's folder. The hook runs the code under test through
 * {@code POLICYGEN} ({@link JvmLauncher}).
 */
class PreCommitHookTest {

    @TempDir
    Path dir;

    private Path preCommit;
    private Path project;
    private Map<String, String> environment;

    @BeforeEach
    void hookRepositoryAndProject() throws Exception {
        preCommit = Programs.required("pre-commit", "src/test/setup/pre-commit.sh", "--version");
        Programs.required("git", "src/test/setup/pre-commit.sh", "--version");
        environment = Map.of(
                "HOME", Files.createDirectories(dir.resolve("home")).toString(),
                "PRE_COMMIT_HOME", dir.resolve("pre-commit-cache").toString(),
                "POLICYGEN", JvmLauncher.write(Files.createDirectories(dir.resolve("launcher"))).toString(),
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_AUTHOR_NAME", "test", "GIT_AUTHOR_EMAIL", "test@example.com",
                "GIT_COMMITTER_NAME", "test", "GIT_COMMITTER_EMAIL", "test@example.com");

        Path hooks = Files.createDirectories(dir.resolve("hooks"));
        Files.copy(Path.of(".pre-commit-hooks.yaml"), hooks.resolve(".pre-commit-hooks.yaml"));
        Files.createDirectories(hooks.resolve("bin"));
        Files.copy(Path.of("bin/pre-commit-lint"), hooks.resolve("bin/pre-commit-lint"),
                StandardCopyOption.COPY_ATTRIBUTES);
        ok(hooks, "git", "init", "-q");
        ok(hooks, "git", "add", ".");
        ok(hooks, "git", "commit", "-q", "-m", "hooks");
        String rev = ok(hooks, "git", "rev-parse", "HEAD").strip();

        project = Files.createDirectories(dir.resolve("project"));
        ok(project, "git", "init", "-q");
        Files.writeString(project.resolve(".pre-commit-config.yaml"), "repos:\n"
                + "  - repo: " + hooks + "\n"
                + "    rev: " + rev + "\n"
                + "    hooks:\n"
                + "      - id: policygen-lint\n");
        ok(project, preCommit.toString(), "install");
        ok(project, "git", "add", ".pre-commit-config.yaml");
    }

    @Test
    void aBadPolicyBlocksTheCommitAndNamesTheRule() throws Exception {
        Files.createDirectories(project.resolve("iam"));
        Files.writeString(project.resolve("iam/acme.json"), BAD_POLICY);
        ok(project, "git", "add", "iam/acme.json");

        Result commit = run(project, "git", "commit", "-m", "a policy");

        assertNotEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains("policygen lint"), commit.output());
        assertTrue(commit.output().contains("iam/acme.json:4:35: error PG301"), commit.output());
        assertNotEquals(0, run(project, "git", "rev-parse", "--verify", "-q", "HEAD").exit(), "nothing committed");
    }

    @Test
    void aGoodPolicyCommitsAndUnrecognisedFilesAreNoFailure() throws Exception {
        CiFixture.writeGoodPolicy(project.resolve("iam/acme.json"));
        // JSON and YAML that are no policy: the hook's files: filter passes them, lint's recognition skips them
        Files.writeString(project.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0.0\"}\n");
        Files.createDirectories(project.resolve(".github/workflows"));
        Files.writeString(project.resolve(".github/workflows/ci.yml"), "on: push\njobs:\n  a:\n    runs-on: x\n");
        ok(project, "git", "add", ".");

        Result commit = run(project, "git", "commit", "-m", "a policy");

        assertEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains("policygen lint") && commit.output().contains("Passed"), commit.output());
        ok(project, "git", "rev-parse", "--verify", "HEAD");
    }

    @Test
    void theHookSeesOnlyStagedContent() throws Exception {
        // pre-commit stashes unstaged changes: a fixed copy on disk does not let a staged bad policy through
        Files.writeString(project.resolve("acme.json"), BAD_POLICY);
        ok(project, "git", "add", "acme.json");
        Files.writeString(project.resolve("acme.json"), BAD_POLICY.replace("route53:*", "route53:GetChange"));

        Result commit = run(project, "git", "commit", "-m", "a policy");

        assertNotEquals(0, commit.exit(), commit.output());
        assertTrue(commit.output().contains("PG301"), commit.output());
        assertFalse(commit.output().contains("Passed"), commit.output());
    }

    private String ok(Path in, String... command) throws IOException, InterruptedException {
        Result result = run(in, command);
        assertEquals(0, result.exit(), String.join(" ", command) + ": " + result.output());
        return result.output();
    }

    private Result run(Path in, String... command) throws IOException, InterruptedException {
        return CiFixture.run(in, List.of(command), key -> !key.startsWith("GIT_") && !key.startsWith("PRE_COMMIT"),
                environment, 180);
    }
}
