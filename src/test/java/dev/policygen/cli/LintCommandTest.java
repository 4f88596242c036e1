package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.LintFiles;
import dev.policygen.lint.rules.RuleRegistry;
import dev.policygen.testing.CliRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen lint in process: every input kind and format, exit codes, and what goes to which stream. */
class LintCommandTest {
    private static final Pattern TEXT_LINE =
            Pattern.compile("[^:]+:\\d+:\\d+: (error|warning|suggestion) PG\\d{3} .+");

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    static String input(String name) {
        return LintFiles.testResource("inputs/" + name).toString();
    }

    static String seed(String name) {
        return LintFiles.testResource("seeds/" + name).toString();
    }

    @Test
    void textFormatPrintsOneCompilerStyleLinePerFindingAndFailsOnErrors() {
        CliRun result = run("lint", seed("letsencrypt-aws-readme.json"));
        assertEquals(ExitCode.FINDINGS, result.exit());
        assertEquals("", result.err());
        assertFalse(result.lines().isEmpty());
        result.lines().forEach(l -> assertTrue(TEXT_LINE.matcher(l).matches(), l));
        assertTrue(result.out().contains("letsencrypt-aws-readme.json:10:17: error PG305 "), result.out());
    }

    @Test
    void cleanPolicyPrintsNothingAndExitsZero() {
        CliRun result = run("lint", "--fail-on", "suggestion", seed("blog-source-ip-deny.json"));
        assertEquals(new CliRun(ExitCode.OK, "", ""), result);
    }

    @Test
    void jsonFormatOnATerraformPlanPointsAtThePolicyString() throws Exception {
        CliRun result = run("lint", "--format", "json", input("terraform-plan.json"));
        assertEquals(ExitCode.FINDINGS, result.exit());
        List<JsonNode> findings = findings(result.out());
        assertFalse(findings.isEmpty());
        for (JsonNode finding : findings) {
            assertEquals(14, number(finding, "line"), "the policy string of aws_iam_policy.acme is on line 14");
            assertTrue(text(finding, "message").endsWith("[aws_iam_policy.acme]"), text(finding, "message"));
            assertEquals(input("terraform-plan.json"), text(finding, "file"));
        }
        assertEquals(List.of("PG201", "PG202", "PG204", "PG205", "PG301"), rules(findings),
                "the plan's module policy is clean and the resource_changes copy is not linted twice");
    }

    @Test
    void getPolicyVersionOutputWithObjectOrUrlEncodedDocument() throws Exception {
        List<JsonNode> object = findings(run("lint", "--format", "json", input("get-policy-version.json")).out());
        List<JsonNode> encoded = findings(run("lint", "--format", "json", input("get-policy-version-encoded.json")).out());
        assertEquals(new java.util.TreeSet<>(rules(object)), new java.util.TreeSet<>(rules(encoded)));
        assertTrue(rules(object).contains("PG301"));
        assertEquals(8, number(object.get(0), "line"), "an object document keeps real positions");
        encoded.forEach(f -> assertEquals(3, number(f, "line"), "an encoded document is reported at its string"));
    }

    @Test
    void cloudFormationJsonSkipsIntrinsicsAndNamesTheResource() throws Exception {
        List<JsonNode> findings = findings(run("lint", "--format", "json", input("cloudformation.json")).out());
        assertEquals(List.of("PG201", "PG202", "PG204", "PG301", "PG205"), rules(findings));
        findings.forEach(f -> assertTrue(text(f, "message").endsWith("[Resources.AcmePolicy.PolicyDocument]")));
    }

    @Test
    void sarifOnACloudFormationYamlTemplate() throws Exception {
        CliRun result = run("lint", "--format", "sarif", input("cloudformation.yaml"));
        assertEquals(ExitCode.FINDINGS, result.exit(), "PG303 is an error");
        JsonNode.JsonObject sarif = (JsonNode.JsonObject) JsonReader.read(result.out(), "sarif");
        assertEquals("2.1.0", text(sarif, "version"));
        assertTrue(text(sarif, "$schema").contains("sarif-2.1.0"));
        JsonNode run = ((JsonNode.JsonArray) sarif.get("runs").orElseThrow()).elements().get(0);
        JsonNode driver = field(field(run, "tool"), "driver");
        List<JsonNode> rules = ((JsonNode.JsonArray) field(driver, "rules")).elements();
        assertEquals(RuleRegistry.all().size(), rules.size());
        // SARIF 2.1.0 requires helpUri to be absolute: with no published docs URL in the build there is none,
        // and the rule page's path is in the rule's help text and properties
        rules.forEach(r -> {
            assertEquals("docs/rules/" + text(r, "id") + ".md", text(field(r, "properties"), "page"));
            assertTrue(text(field(r, "help"), "text").contains("docs/rules/" + text(r, "id") + ".md"));
            assertTrue(((JsonNode.JsonObject) r).get("helpUri").isEmpty(), "no relative helpUri");
        });
        assertTrue(((JsonNode.JsonObject) driver).get("informationUri").isEmpty(), "no relative informationUri");
        List<JsonNode> results = ((JsonNode.JsonArray) field(run, "results")).elements();
        List<String> summary = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode physical = field(((JsonNode.JsonArray) field(r, "locations")).elements().get(0), "physicalLocation");
            assertTrue(text(field(physical, "artifactLocation"), "uri").endsWith("inputs/cloudformation.yaml"));
            JsonNode region = field(physical, "region");
            summary.add(text(r, "ruleId") + " " + text(r, "level") + " " + number(region, "startLine") + ":"
                    + number(region, "startColumn"));
        }
        assertEquals(List.of("PG204 note 25:21", "PG303 error 33:25"), summary);
    }

    @Test
    void standardInputIsNamedDash() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream("{\"Version\":\"2012-10-17\",\"Statement\":[]}".getBytes(StandardCharsets.UTF_8)));
            CliRun result = run("lint", "--fail-on", "suggestion", "-");
            assertEquals(ExitCode.FINDINGS, result.exit());
            assertEquals("-:1:37: suggestion PG108 Statement is empty, so the policy grants nothing\n", result.out());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void failOnThresholds() {
        String traefik = seed("blog-traefik.json");
        assertEquals(ExitCode.OK, run("lint", traefik).exit(), "only a suggestion, default threshold error");
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "warning", traefik).exit());
        assertEquals(ExitCode.FINDINGS, run("lint", "--fail-on", "suggestion", traefik).exit());
        assertEquals(ExitCode.OK, run("lint", "--fail-on", "never", seed("letsencrypt-aws-readme.json")).exit());
        assertEquals(ExitCode.USAGE, run("lint", "--fail-on", "fatal", traefik).exit());
    }

    @Test
    void ignoreSuppressesRulesAndRejectsUnknownIds() {
        CliRun ignored = run("lint", "--fail-on", "suggestion", "--ignore", "PG204", seed("blog-traefik.json"));
        assertEquals(new CliRun(ExitCode.OK, "", ""), ignored);
        CliRun unknown = run("lint", "--ignore", "PG999", seed("blog-traefik.json"));
        assertEquals(ExitCode.USAGE, unknown.exit());
        assertTrue(unknown.err().startsWith("policygen: error: unknown rule id \"PG999\""), unknown.err());
    }

    @Test
    void configFileIgnoresAndSetsTheThresholdAndOptionsWin(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("lint.json"), "{\"ignore\": [\"PG209\"], \"failOn\": \"suggestion\"}");
        CliRun fromConfig = run("lint", "--config", config.toString(), seed("blog-acme-sh.json"));
        assertEquals(ExitCode.FINDINGS, fromConfig.exit(), "PG204 is a suggestion and failOn says suggestion");
        assertFalse(fromConfig.out().contains("PG209"));
        assertEquals(ExitCode.OK, run("lint", "--config", config.toString(), "--fail-on", "error",
                seed("blog-acme-sh.json")).exit());
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"ignore\": [\"PG204\"],\n \"fail_on\": \"error\"}");
        CliRun badConfig = run("lint", "--config", bad.toString(), seed("blog-acme-sh.json"));
        assertEquals(ExitCode.BAD_INPUT, badConfig.exit());
        assertEquals("policygen: error: " + bad + ":2:2: unknown key \"fail_on\"; a lint config has \"ignore\","
                + " \"failOn\" and \"suppress\"\n", badConfig.err());
    }

    @Test
    void malformedJsonIsReportedAsPg100AndExitsThreeAsValidateDoes(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
        CliRun result = run("lint", broken.toString());
        assertEquals(ExitCode.BAD_INPUT, result.exit());
        assertEquals("policygen: error: " + broken + ":3:1: invalid JSON: unexpected end of input: an array is not "
                + "closed\n", result.err());
        assertTrue(result.out().startsWith(broken + ":3:1: error PG100 invalid JSON"), result.out());
        assertEquals(ExitCode.BAD_INPUT, run("validate", broken.toString()).exit());
    }

    @Test
    void unreadableFileIsOneLineAndExitThreeWithoutStackTrace(@TempDir Path dir) {
        String missing = dir.resolve("missing.json").toString();
        CliRun result = run("lint", missing);
        assertEquals(ExitCode.BAD_INPUT, result.exit());
        assertEquals("policygen: error: " + missing + ": cannot read: no such file\n", result.err());
        assertEquals("", result.out());
        CliRun debug = run("lint", "--debug", missing);
        assertTrue(debug.err().contains("NoSuchFileException"), "--debug shows the stack trace");
    }

    @Test
    void badFormatAndMissingFilesAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run("lint", "--format", "xml", seed("blog-traefik.json")).exit());
        assertEquals(ExitCode.USAGE, run("lint").exit());
        assertEquals(ExitCode.USAGE, run("lint", "--limit", "huge", seed("blog-traefik.json")).exit());
    }

    @Test
    void limitChoosesTheSizeQuota() {
        String big = LintFiles.testResource("lint-fixtures/PG402/bad1.json").toString();
        assertTrue(run("lint", big).out().contains("error PG402 policy is 8216 characters without white space,"
                + " 2072 over the managed quota of 6144"), "managed is the default");
        assertFalse(run("lint", "--limit", "role-inline", big).out().contains("PG402"));
        CliRun userInline = run("lint", "--limit", "user-inline", big);
        assertTrue(userInline.out().contains("over the user-inline quota of 2048"), userInline.out());
    }

    @Test
    void listRulesPrintsEveryRule() {
        CliRun result = run("lint", "--list-rules");
        assertEquals(ExitCode.OK, result.exit());
        assertEquals(RuleRegistry.all().size(), result.lines().size());
        assertTrue(result.out().contains("PG201 error "));
    }

    private static List<JsonNode> findings(String json) throws Exception {
        JsonNode root = JsonReader.read(json, "output");
        return ((JsonNode.JsonArray) field(root, "findings")).elements();
    }

    private static List<String> rules(List<JsonNode> findings) {
        return findings.stream().map(f -> text(f, "rule")).toList();
    }

    static JsonNode field(JsonNode node, String key) {
        return ((JsonNode.JsonObject) node).get(key).orElseThrow(() -> new AssertionError("no " + key));
    }

    static String text(JsonNode node, String key) {
        return ((JsonNode.JsonString) field(node, key)).value();
    }

    static int number(JsonNode node, String key) {
        return Integer.parseInt(((JsonNode.JsonNumber) field(node, key)).text());
    }
}
