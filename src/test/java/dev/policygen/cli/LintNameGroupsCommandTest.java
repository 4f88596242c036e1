package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lint --client policygen} over the documents {@code generate --client policygen --split} writes for 1,000
 * one-name certificates in one zone (7 name groups, docs/design/name-groups.md): judged together, as the role they
 * are attached to, they give no finding; a group missing a name, a group granting a name the config does not
 * have, and the set without one of its documents each give the finding that says so.
 */
class LintNameGroupsCommandTest {
    private static final String ZONE = "Z11111112222222333333";
    private static final int NAMES = 1000;
    private static final Pattern CHALLENGE_NAME = Pattern.compile("_acme-challenge\\.c\\d+\\.example\\.com");

    @TempDir
    static Path dir;
    private static List<Path> documents;

    /** The request options both commands take: renew's client, its zone id configured, the 1,000 names. */
    private static List<String> request() {
        List<String> args = new ArrayList<>(List.of("--client", "policygen", "--zone-id-configured"));
        for (int i = 0; i < NAMES; i++) {
            args.add("--domain");
            args.add("c" + i + ".example.com=" + ZONE);
        }
        return args;
    }

    @BeforeAll
    static void generateTheSplitSet() throws Exception {
        List<String> args = new ArrayList<>(List.of("generate"));
        args.addAll(request());
        args.addAll(List.of("--split", "-o", dir.resolve("renew.json").toString()));
        CliRun generated = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, generated.exit(), generated.err());
        documents = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            Path document = dir.resolve("renew-" + i + ".json");
            assertTrue(Files.isRegularFile(document), document + " was not written");
            documents.add(document);
        }
        assertTrue(Files.notExists(dir.resolve("renew-8.json")), "1,000 names are 7 documents");
    }

    private static CliRun lint(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json"));
        args.addAll(request());
        files.forEach(file -> args.add(file.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Each finding as {@code RULE file message}. */
    private static List<String> findings(CliRun run) throws Exception {
        JsonNode.JsonArray found = (JsonNode.JsonArray) ((JsonNode.JsonObject) JsonReader.read(run.out(), "lint"))
                .get("findings").orElseThrow();
        List<String> findings = new ArrayList<>();
        for (JsonNode element : found.elements()) {
            JsonNode.JsonObject finding = (JsonNode.JsonObject) element;
            findings.add(text(finding, "rule") + " " + Path.of(text(finding, "file")).getFileName() + " "
                    + text(finding, "message"));
        }
        return findings;
    }

    private static String text(JsonNode.JsonObject object, String field) {
        return ((JsonNode.JsonString) object.get(field).orElseThrow()).value();
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = CHALLENGE_NAME.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** The set with document {@code index} (0-based) replaced by {@code text}. */
    private static List<Path> withDocument(int index, String text, String file) throws Exception {
        Path changed = dir.resolve(file);
        Files.writeString(changed, text);
        List<Path> set = new ArrayList<>(documents);
        set.set(index, changed);
        return set;
    }

    @Test
    void theSevenDocumentsTogetherGiveNoFinding() throws Exception {
        CliRun run = lint(documents);
        assertEquals(List.of(), findings(run), run.err());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void aGroupMissingOneNameIsReportedNamingThatName() throws Exception {
        String third = Files.readString(documents.get(2));
        String missing = new ArrayList<>(names(third)).get(10);
        String without = third.replaceFirst("\"" + Pattern.quote(missing) + "\",\\s*", "");
        assertEquals(names(third).size() - 1, names(without).size(), "the name is cut from its group");
        CliRun run = lint(withDocument(2, without, "missing-name.json"));
        assertEquals(1, run.exit(), run.err());
        List<String> findings = findings(run);
        assertTrue(!findings.isEmpty() && findings.stream().allMatch(f -> f.startsWith("PG501 ")
                && f.contains(missing + ")") && !f.contains(" more)")), String.join("\n", findings));
        assertEquals(1, findings.size(), "one finding for the name, its DELETE and CREATE in one batch: " + findings);
        // blamed where the name was cut from: the statement of its neighbours' group, its long list cut short
        assertTrue(findings.get(0).startsWith("PG501 missing-name.json ") && findings.get(0).contains(" more]")
                && findings.get(0).length() < 1000, findings.get(0));
    }

    @Test
    void aGroupGrantingANameNotConfiguredIsAnOverGrant() throws Exception {
        // the document with the smallest group has room for one more name (PG402 judges the others full)
        int smallest = 0;
        for (int i = 1; i < documents.size(); i++) {
            if (names(Files.readString(documents.get(i))).size() < names(Files.readString(documents.get(smallest))).size()) {
                smallest = i;
            }
        }
        String text = Files.readString(documents.get(smallest));
        String listed = new ArrayList<>(names(text)).get(5);
        String extra = "_acme-challenge.c99999.example.com";
        String widened = text.replaceFirst("\"" + Pattern.quote(listed) + "\"",
                "\"" + listed + "\", \"" + extra + "\"");
        CliRun run = lint(withDocument(smallest, widened, "extra-name.json"));
        List<String> findings = findings(run);
        assertEquals(1, findings.size(), String.join("\n", findings));
        assertTrue(findings.get(0).startsWith("PG502 extra-name.json ") && findings.get(0).contains(extra),
                findings.get(0));
        // PG502 is a warning: lint fails on errors by default
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void aLaterGroupWithoutItsTypeConditionIsProbedAtItsOwnFirstName() throws Exception {
        // the fixed probes try the zone's first name (c0), whose group another document holds
        int later = 0;
        while (names(Files.readString(documents.get(later))).contains("_acme-challenge.c0.example.com")) {
            later++;
        }
        String text = Files.readString(documents.get(later));
        String anyType = text.replaceFirst(",\\s*\"route53:ChangeResourceRecordSetsRecordTypes\":\\s*\\[\\s*\"TXT\"\\s*\\]", "");
        assertTrue(!anyType.equals(text), "the type condition is cut");
        String first = names(text).iterator().next();
        CliRun run = lint(withDocument(later, anyType, "any-type.json"));
        List<String> overGrants = findings(run).stream().filter(f -> f.startsWith("PG502 ")).toList();
        assertTrue(!overGrants.isEmpty() && overGrants.stream().allMatch(f -> f.startsWith("PG502 any-type.json ")
                && f.contains(first)), String.join("\n", overGrants));
        assertTrue(overGrants.stream().anyMatch(f -> f.contains("(CREATE A " + first + ")")), String.join("\n", overGrants));
    }

    @Test
    void theSetWithoutOneDocumentMissesExactlyThatGroupsNames() throws Exception {
        List<Path> set = new ArrayList<>(documents);
        Path left = set.remove(1);
        Set<String> group = names(Files.readString(left));
        CliRun run = lint(set);
        assertEquals(1, run.exit(), run.err());
        List<String> findings = findings(run);
        Set<String> reported = new TreeSet<>();
        for (String finding : findings) {
            assertTrue(finding.startsWith("PG501 ") && finding.contains("these 6 policies together deny"), finding);
            Set<String> named = names(finding.substring(0, finding.indexOf(", which")));
            assertEquals(1, named.size(), finding);
            reported.addAll(named);
        }
        assertEquals(group, reported);
        assertEquals(group.size(), findings.size(), "one finding per name of the group left out");
    }
}
