package dev.policygen.cli;

import static dev.policygen.cli.LintCommandTest.field;
import static dev.policygen.cli.LintCommandTest.number;
import static dev.policygen.cli.LintCommandTest.run;
import static dev.policygen.cli.LintCommandTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintFiles;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lint on trust policies through the CLI: SARIF, --fail-on, --ignore and --list-rules as for the other rules. */
class LintTrustPoliciesCommandTest {

    private static String fixture(String rule, String file) {
        return LintFiles.testResource("lint-fixtures/" + rule + "/" + file).toString();
    }

    @Test
    void sarifNamesTheTrustRulesWithTheirPagesAndPlacesEachResult() throws Exception {
        CliRun result = run("lint", "--format", "sarif", fixture("PG601", "bad3.json"));
        assertEquals(ExitCode.FINDINGS, result.exit(), "PG601 is an error");
        JsonNode.JsonObject sarif = (JsonNode.JsonObject) JsonReader.read(result.out(), "sarif");
        JsonNode run = ((JsonNode.JsonArray) sarif.get("runs").orElseThrow()).elements().get(0);
        List<JsonNode> rules = ((JsonNode.JsonArray) field(field(field(run, "tool"), "driver"), "rules")).elements();
        List<String> trustRules = new ArrayList<>();
        for (JsonNode rule : rules) {
            if (text(rule, "id").startsWith("PG6")) {
                trustRules.add(text(rule, "id") + " " + text(field(rule, "defaultConfiguration"), "level") + " "
                        + text(field(rule, "properties"), "page"));
            }
        }
        assertEquals(List.of("PG601 error docs/rules/PG601.md", "PG602 warning docs/rules/PG602.md",
                "PG603 warning docs/rules/PG603.md", "PG604 error docs/rules/PG604.md", "PG605 warning docs/rules/PG605.md",
                "PG606 warning docs/rules/PG606.md", "PG607 error docs/rules/PG607.md", "PG608 error docs/rules/PG608.md"),
                trustRules);
        List<String> summary = new ArrayList<>();
        for (JsonNode r : ((JsonNode.JsonArray) field(run, "results")).elements()) {
            JsonNode region = field(field(((JsonNode.JsonArray) field(r, "locations")).elements().get(0),
                    "physicalLocation"), "region");
            summary.add(text(r, "ruleId") + " " + text(r, "level") + " " + number(region, "startLine") + ":"
                    + number(region, "startColumn"));
        }
        assertEquals(List.of("PG601 error 13:38", "PG603 warning 13:38"), summary);
    }

    @Test
    void failOnCountsTrustWarningsAndErrorsLikeAnyOther() {
        String warningOnly = fixture("PG603", "bad1.json");
        assertEquals(ExitCode.OK, run("lint", warningOnly).exit(), "PG603 is a warning, default threshold error");
        assertEquals(ExitCode.FINDINGS, run("lint", "--fail-on", "warning", warningOnly).exit());
        assertEquals(ExitCode.FINDINGS, run("lint", fixture("PG604", "bad1.json")).exit());
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "never", fixture("PG604", "bad1.json")).exit());
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "warning", fixture("PG601", "good1.json")).exit());
    }

    @Test
    void trustRulesAreIgnoredByIdOnTheCommandLineOrInAConfig(@TempDir Path dir) throws Exception {
        String file = fixture("PG601", "bad3.json");
        CliRun ignored = run("lint", "--fail-on", "warning", "--ignore", "PG601", "--ignore", "PG603", file);
        assertEquals(ExitCode.OK, ignored.exit(), ignored.out());
        assertEquals("", ignored.out());
        Path config = Files.writeString(dir.resolve("lint.json"), "{\"ignore\": [\"PG601\"], \"failOn\": \"warning\"}");
        CliRun fromConfig = run("lint", "--config", config.toString(), file);
        assertEquals(ExitCode.FINDINGS, fromConfig.exit(), "PG603 is still a warning and failOn says warning");
        assertFalse(fromConfig.out().contains(" PG601 "), fromConfig.out());
        assertTrue(fromConfig.out().contains("warning PG603 "), fromConfig.out());
    }

    @Test
    void listRulesShowsTheTrustFamily() {
        CliRun result = run("lint", "--list-rules");
        assertEquals(ExitCode.OK, result.exit());
        assertTrue(result.out().contains("PG601 error An OIDC provider may assume the role without a condition on its"
                + " :sub claim."), result.out());
        assertTrue(result.out().contains("PG608 error "), result.out());
    }

    @Test
    void aTrustPolicyGetsNoIdentityFindingsAndAnIdentityPolicyNoTrustFindings() {
        CliRun trust = run("lint", "--format", "json", "--fail-on", "never", fixture("PG201", "good2.json"));
        assertFalse(trust.out().contains("\"PG106\"") || trust.out().contains("\"PG201\""), trust.out());
        CliRun identity = run("lint", "--format", "json", "--fail-on", "never", fixture("PG106", "bad1.json"));
        assertTrue(identity.out().contains("\"PG106\""), identity.out());
        assertFalse(identity.out().contains("\"PG6"), identity.out());
    }
}
