package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 (CI): suppressions with a reason in lint's --config. A suppressed finding is listed with its reason
 * in every format and does not count for --fail-on; a suppression without a reason, or one that matches no
 * finding of a file linted (or names a file that does not exist), is a bad value in the config (exit 3).
 */
class LintSuppressionTest {
    /** Two statements granting route53:*: PG301 (error) and PG201 once in each, at 4:51 and 5:52. */
    private static final String TWO_STATEMENTS = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "Reads", "Effect": "Allow", "Action": "route53:*", "Resource": "arn:aws:route53:::change/*"},
                {"Sid": "Writes", "Effect": "Allow", "Action": "route53:*", "Resource": "arn:aws:route53:::change/*"}
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aSuppressedFindingIsListedWithItsReasonAndFailsNothing() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path config = config(suppression("PG301", policy, null, "the change ARN space is only GetChange's"),
                suppression("PG201", policy, null, "records limited by an SCP"));

        CliRun text = CliRun.of("lint", "--config", config.toString(), policy.toString());

        assertEquals(0, text.exit(), text.all());
        assertFalse(text.out().contains("error PG301"), text.out());
        assertTrue(text.out().contains(policy + ":4:51: suppressed PG301 "), text.out());
        assertTrue(text.out().contains("(reason: the change ARN space is only GetChange's)"), text.out());
        assertTrue(text.out().contains("warning PG202"), "other findings stay: " + text.out());

        CliRun strict = CliRun.of("lint", "--config", config.toString(), "--fail-on", "warning", policy.toString());
        assertEquals(1, strict.exit(), strict.all());

        CliRun json = CliRun.of("lint", "--format", "json", "--config", config.toString(), policy.toString());
        JsonNode.JsonObject report = (JsonNode.JsonObject) JsonReader.read(json.out(), "json");
        assertFalse(rules(report, "findings").contains("PG301"), json.out());
        assertEquals(List.of("PG201", "PG301", "PG201", "PG301"), rules(report, "suppressed"), json.out());
    }

    @Test
    void sarifCarriesSuppressionsAsSarifDefinesThem() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path config = config(suppression("PG301", policy, "Reads", "read-only statement, reviewed in #12"));

        CliRun sarif = CliRun.of("lint", "--format", "sarif", "--config", config.toString(), policy.toString());

        JsonNode.JsonObject root = (JsonNode.JsonObject) JsonReader.read(sarif.out(), "sarif");
        JsonNode.JsonObject run = (JsonNode.JsonObject) array(root, "runs").elements().get(0);
        int suppressed = 0;
        int open = 0;
        for (JsonNode element : array(run, "results").elements()) {
            JsonNode.JsonObject result = (JsonNode.JsonObject) element;
            if (!string(result, "ruleId").equals("PG301")) {
                continue;
            }
            if (result.get("suppressions").isPresent()) {
                suppressed++;
                JsonNode.JsonObject suppression = (JsonNode.JsonObject) array(result, "suppressions").elements().get(0);
                assertEquals("external", string(suppression, "kind"));
                assertEquals("accepted", string(suppression, "status"));
                assertEquals("read-only statement, reviewed in #12", string(suppression, "justification"));
            } else {
                open++;
            }
        }
        assertEquals(1, suppressed, "the statement with Sid Reads: " + sarif.out());
        assertEquals(1, open, "the statement with Sid Writes: " + sarif.out());
        assertEquals(1, sarif.exit(), "the open PG301 still fails");
    }

    @Test
    void aSidLimitsTheSuppressionToItsStatement() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path config = config(suppression("PG301", policy, "Writes", "reviewed"));

        CliRun run = CliRun.of("lint", "--config", config.toString(), policy.toString());

        assertTrue(run.out().contains(":4:51: error PG301"), run.out());
        assertTrue(run.out().contains(":5:52: suppressed PG301"), run.out());
    }

    @Test
    void theFileMatchesHoweverItIsSpelt() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Files.createDirectories(dir.resolve("sub"));
        Path config = config(suppression("PG301", dir.resolve("sub/../acme.json"), null, "reviewed"));

        CliRun run = CliRun.of("lint", "--config", config.toString(), policy.toString());

        assertTrue(run.out().contains("suppressed PG301"), run.out());
    }

    @Test
    void aSuppressionWithoutAReasonIsABadConfig() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path config = write("lint.json", "{\"suppress\": [\n  {\"rule\": \"PG301\", \"file\": \"acme.json\"}\n]}");

        CliRun run = CliRun.of("lint", "--config", config.toString(), policy.toString());

        assertEquals(3, run.exit(), run.all());
        assertEquals("policygen: error: " + config + ":2:3: the suppression of PG301 in acme.json gives no \"reason\";"
                + " say why the finding is acceptable\n", run.err());
        CliRun blank = CliRun.of("lint", "--config", write("blank.json", "{\"suppress\": [{\"rule\": \"PG301\","
                + " \"file\": \"acme.json\", \"reason\": \"  \"}]}").toString(), policy.toString());
        assertEquals(3, blank.exit(), blank.all());
        assertTrue(blank.err().contains("\"reason\" of a suppression must be a non-empty string"), blank.err());
    }

    @Test
    void aSuppressionThatMatchesNothingIsABadConfigAfterTheReport() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path config = config(suppression("PG110", policy, null, "no longer needed"));

        CliRun run = CliRun.of("lint", "--config", config.toString(), policy.toString());

        assertEquals(3, run.exit(), run.all());
        assertTrue(run.out().contains("error PG301"), "the report comes first: " + run.out());
        assertEquals("policygen: error: " + config + ":1:15: the suppression of PG110 in " + policy
                + " matches no finding; remove it\n", run.err());
    }

    @Test
    void aSuppressionOfAFileNotLintedIsNotJudgedUnlessTheFileIsGone() throws Exception {
        // the pre-commit hook lints only the staged files: the others' suppressions wait for their turn
        Path policy = write("acme.json", TWO_STATEMENTS);
        Path other = write("other.json", TWO_STATEMENTS);
        Path clean = write("clean.json", "{\"Version\": \"2012-10-17\", \"Statement\": []}");
        Path config = config(suppression("PG301", other, null, "reviewed"));
        CliRun run = CliRun.of("lint", "--ignore", "PG110", "--config", config.toString(), clean.toString());
        assertEquals(0, run.exit(), run.all());

        Path gone = config(suppression("PG301", dir.resolve("deleted.json"), null, "reviewed"));
        CliRun stale = CliRun.of("lint", "--config", gone.toString(), policy.toString());
        assertEquals(3, stale.exit(), stale.all());
        assertTrue(stale.err().contains("deleted.json matches no finding"), stale.err());
    }

    @Test
    void anUnknownRuleOrKeyInASuppressionIsNamed() throws Exception {
        Path policy = write("acme.json", TWO_STATEMENTS);
        CliRun rule = CliRun.of("lint", "--config", write("a.json", "{\"suppress\": [{\"rule\": \"PG999\", \"file\":"
                + " \"acme.json\", \"reason\": \"x\"}]}").toString(), policy.toString());
        assertEquals(3, rule.exit(), rule.all());
        assertTrue(rule.err().contains("unknown rule id \"PG999\" in a suppression"), rule.err());
        CliRun key = CliRun.of("lint", "--config", write("b.json", "{\"suppress\": [{\"rule\": \"PG301\", \"file\":"
                + " \"acme.json\", \"reason\": \"x\", \"until\": \"2027\"}]}").toString(), policy.toString());
        assertEquals(3, key.exit(), key.all());
        assertTrue(key.err().contains("unknown key \"until\" in a suppression"), key.err());
        CliRun path = CliRun.of("lint", "--config", write("c.json", "{\"suppress\": [{\"rule\": \"PG301\", \"file\":"
                + " \"a\\u0000b\", \"reason\": \"x\"}]}").toString(), policy.toString());
        assertEquals(3, path.exit(), path.all());
        assertEquals(1, path.err().lines().count(), path.err());
        assertTrue(path.err().contains("names a \"file\" that is no path"), path.err());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Path config(String... suppressions) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "lint", ".json"),
                "{\"suppress\": [" + String.join(",\n  ", suppressions) + "]}");
    }

    private static String suppression(String rule, Path file, String sid, String reason) {
        return "{\"rule\": \"" + rule + "\", \"file\": \"" + file + "\""
                + (sid == null ? "" : ", \"sid\": \"" + sid + "\"") + ", \"reason\": \"" + reason + "\"}";
    }

    private static List<String> rules(JsonNode.JsonObject report, String list) {
        List<String> rules = new ArrayList<>();
        if (report.get(list).isEmpty()) {
            return rules;
        }
        for (JsonNode element : array(report, list).elements()) {
            rules.add(string((JsonNode.JsonObject) element, "rule"));
        }
        return rules;
    }

    private static JsonNode.JsonArray array(JsonNode.JsonObject object, String key) {
        return (JsonNode.JsonArray) object.get(key).orElseThrow();
    }

    private static String string(JsonNode.JsonObject object, String key) {
        return ((JsonNode.JsonString) object.get(key).orElseThrow()).value();
    }
}
