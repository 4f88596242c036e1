package dev.policygen.ci;

import static dev.policygen.ci.CiFixture.BAD_POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.ci.CiFixture.Result;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.JvmLauncher;
import dev.policygen.yaml.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (CI): the GitHub Action's step, {@code .github/action/lint.sh}, run as a runner runs it: the GITHUB_*
 * and RUNNER_TEMP variables point into the test's folder, the INPUT_* variables are what action.yml passes, and
 * {@code POLICYGEN} runs the code under test ({@link JvmLauncher}) instead of building the jar. And action.yml
 * itself: a composite action whose one step runs that script with every input.
 */
class ActionScriptTest {
    private static final Path SCRIPT = Path.of(".github/action/lint.sh").toAbsolutePath();

    @TempDir
    Path dir;

    private Path workspace;
    private Path output;
    private Path summary;
    private Map<String, String> environment;

    @BeforeEach
    void runner() throws IOException {
        workspace = Files.createDirectories(dir.resolve("workspace"));
        output = dir.resolve("github-output");
        summary = dir.resolve("step-summary");
        environment = new HashMap<>(Map.of(
                "GITHUB_ACTION_PATH", Path.of("").toAbsolutePath().toString(),
                "GITHUB_WORKSPACE", workspace.toString(),
                "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString(),
                "RUNNER_TEMP", Files.createDirectories(dir.resolve("runner-temp")).toString(),
                "POLICYGEN", JvmLauncher.write(Files.createDirectories(dir.resolve("launcher"))).toString(),
                "INPUT_PATHS", ".",
                "INPUT_FAIL_ON", "error",
                "INPUT_SARIF_FILE", "reports/policygen.sarif",
                "INPUT_CONFIG", ""));
    }

    @Test
    void aBadPolicyFailsTheStepAfterTheSarifIsWritten() throws Exception {
        write("iam/acme.json", BAD_POLICY);
        write("package.json", "{\"name\": \"x\"}");

        Result run = run();

        assertEquals(1, run.exit(), run.output());
        JsonNode.JsonArray results = results(workspace.resolve("reports/policygen.sarif"));
        assertTrue(results.elements().size() >= 1, run.output());
        JsonNode.JsonObject first = (JsonNode.JsonObject) results.elements().get(0);
        assertEquals("iam/acme.json", uri(first), "URIs relative to the workspace, as code scanning wants them");
        assertTrue(first.get("ruleId").isPresent());
        Map<String, String> outputs = outputs();
        assertEquals("reports/policygen.sarif", outputs.get("sarif-file"));
        assertEquals(String.valueOf(results.elements().size()), outputs.get("findings"));
        assertEquals("0", outputs.get("suppressed"));
        assertEquals("1", outputs.get("exit-code"));
        assertTrue(run.output().contains("::error::policygen lint: findings at or above error"), run.output());
        assertTrue(Files.readString(summary).contains("exit code 1"), Files.readString(summary));
    }

    @Test
    void aGoodPolicyPasses() throws Exception {
        CiFixture.writeGoodPolicy(workspace.resolve("iam/acme.json"));
        write(".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");

        Result run = run();

        assertEquals(0, run.exit(), run.output());
        assertEquals(0, results(workspace.resolve("reports/policygen.sarif")).elements().size());
        assertEquals("0", outputs().get("findings"));
        assertEquals("0", outputs().get("exit-code"));
    }

    @Test
    void failOnDecidesTheExitCodeNotTheReport() throws Exception {
        // fail-on: never still reports every finding in the SARIF file and its count in the outputs
        write("acme.json", BAD_POLICY);
        environment.put("INPUT_PATHS", "acme.json");
        environment.put("INPUT_FAIL_ON", "never");
        Result never = run();
        assertEquals(0, never.exit(), never.output());
        int reported = results(workspace.resolve("reports/policygen.sarif")).elements().size();
        assertTrue(reported > 0);
        assertEquals(String.valueOf(reported), outputs().get("findings"));
    }

    @Test
    void suppressedFindingsAreInTheSarifButNotCounted() throws Exception {
        write("iam/acme.json", BAD_POLICY);
        StringBuilder suppress = new StringBuilder();
        for (String rule : List.of("PG201", "PG202", "PG204", "PG301")) {
            suppress.append(suppress.length() == 0 ? "" : ",\n").append("{\"rule\": \"").append(rule)
                    .append("\", \"file\": \"iam/acme.json\", \"reason\": \"a test fixture\"}");
        }
        write("lint.json", "{\"suppress\": [" + suppress + "]}");
        environment.put("INPUT_PATHS", "iam");
        environment.put("INPUT_CONFIG", "lint.json");

        Result run = run();

        JsonNode.JsonArray results = results(workspace.resolve("reports/policygen.sarif"));
        Map<String, String> outputs = outputs();
        // PG205 (a warning) stays open; both errors are suppressed, so fail-on: error passes
        assertEquals(5, results.elements().size(), run.output());
        assertEquals("1", outputs.get("findings"), run.output());
        assertEquals("4", outputs.get("suppressed"), run.output());
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void aMissingPathIsAnInputError() throws Exception {
        environment.put("INPUT_PATHS", "policies/missing.json");
        Result run = run();
        assertEquals(3, run.exit(), run.output());
        assertTrue(run.output().contains("::error::policygen: no such file or folder: policies/missing.json"),
                run.output());
    }

    @Test
    void nothingToLintStillWritesAReport() throws Exception {
        Result run = run();
        assertEquals(0, run.exit(), run.output());
        assertEquals(0, results(workspace.resolve("reports/policygen.sarif")).elements().size());
        assertTrue(run.output().contains("::warning::"), run.output());
    }

    @Test
    void actionYmlRunsTheScriptWithEveryInput() throws Exception {
        JsonNode.JsonObject action = (JsonNode.JsonObject) YamlTreeReader.read(Files.readString(Path.of("action.yml")),
                "action.yml");
        JsonNode.JsonObject runs = (JsonNode.JsonObject) action.get("runs").orElseThrow();
        assertEquals("composite", ((JsonNode.JsonString) runs.get("using").orElseThrow()).value());
        JsonNode.JsonObject step = (JsonNode.JsonObject) ((JsonNode.JsonArray) runs.get("steps").orElseThrow())
                .elements().get(0);
        assertEquals("lint", ((JsonNode.JsonString) step.get("id").orElseThrow()).value());
        assertTrue(((JsonNode.JsonString) step.get("run").orElseThrow()).value()
                .contains("$GITHUB_ACTION_PATH/.github/action/lint.sh"));
        JsonNode.JsonObject env = (JsonNode.JsonObject) step.get("env").orElseThrow();
        JsonNode.JsonObject inputs = (JsonNode.JsonObject) action.get("inputs").orElseThrow();
        for (JsonNode.Member input : inputs.members()) {
            String variable = "INPUT_" + input.key().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
            assertEquals("${{ inputs." + input.key() + " }}",
                    ((JsonNode.JsonString) env.get(variable).orElseThrow(() -> new AssertionError(variable)))
                            .value());
            assertTrue(Files.readString(SCRIPT).contains(variable), variable + " is read by the script");
        }
        JsonNode.JsonObject outputs = (JsonNode.JsonObject) action.get("outputs").orElseThrow();
        for (JsonNode.Member declared : outputs.members()) {
            assertTrue(Files.readString(SCRIPT).contains("echo \"" + declared.key() + "="), declared.key());
        }
    }

    private Result run() throws IOException, InterruptedException {
        return CiFixture.run(dir, List.of("bash", SCRIPT.toString()), key -> !key.startsWith("GITHUB_")
                && !key.startsWith("INPUT_") && !key.startsWith("RUNNER_"), environment, 120);
    }

    private void write(String name, String text) throws IOException {
        Path file = workspace.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Map<String, String> outputs() throws IOException {
        Map<String, String> outputs = new HashMap<>();
        for (String line : Files.readAllLines(output)) {
            int equals = line.indexOf('=');
            outputs.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return outputs;
    }

    private static String uri(JsonNode.JsonObject result) {
        JsonNode.JsonObject location = (JsonNode.JsonObject) ((JsonNode.JsonArray) result.get("locations").orElseThrow())
                .elements().get(0);
        JsonNode.JsonObject physical = (JsonNode.JsonObject) location.get("physicalLocation").orElseThrow();
        JsonNode.JsonObject artifact = (JsonNode.JsonObject) physical.get("artifactLocation").orElseThrow();
        return ((JsonNode.JsonString) artifact.get("uri").orElseThrow()).value();
    }

    static JsonNode.JsonArray results(Path sarif) throws Exception {
        JsonNode.JsonObject root = (JsonNode.JsonObject) JsonReader.read(Files.readString(sarif), sarif.toString());
        assertEquals("2.1.0", ((JsonNode.JsonString) root.get("version").orElseThrow()).value());
        JsonNode.JsonObject run = (JsonNode.JsonObject) ((JsonNode.JsonArray) root.get("runs").orElseThrow())
                .elements().get(0);
        return (JsonNode.JsonArray) run.get("results").orElseThrow();
    }
}
