package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.rules.RuleRegistry;
import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the rule registry, docs/rules/ and src/test/resources/lint-fixtures/ in step, and runs
 * every fixture: each bad file must give its rule at exactly the lines in its .expect file, each
 * good file must not give its rule at all. A fixture directory with an {@value #ARGS} file is linted
 * through the CLI with those options added, since PG501 and PG502 need a client to compare with; a
 * fixture's own {@code badN.args} or {@code goodN.args} replaces it for that file (PG503 and PG504
 * judge trust policies of several runtimes, each with its options).
 */
class RuleCatalogTest {
    private static final Pattern ID = Pattern.compile("PG[1-6]\\d\\d");
    /** Lint options for every fixture of a rule (--client ... for the profile diff), on one line. */
    private static final String ARGS = "args";
    private static final Pattern FIXTURE = Pattern.compile("(bad\\d+\\.(json|expect|args))|(good\\d+\\.(json|args))|"
            + ARGS);
    private static final Path DOCS = LintFiles.root().resolve("docs/rules");
    private static final Path FIXTURES = LintFiles.testResource("lint-fixtures");

    @Test
    void ruleIdsAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : RuleRegistry.all()) {
            assertTrue(ID.matcher(rule.id()).matches(), "malformed id " + rule.id());
            assertTrue(seen.add(rule.id()), "duplicate id " + rule.id());
            assertFalse(rule.summary().isBlank(), rule.id() + " has no summary");
            assertTrue(rule.getClass().getSimpleName().endsWith("Rule"), rule.getClass() + " is not named as a rule");
        }
    }

    @Test
    void everyRuleHasADocPageStatingItsSeverity() throws IOException {
        for (Rule rule : RuleRegistry.all()) {
            Path page = DOCS.resolve(rule.id() + ".md");
            assertTrue(Files.isRegularFile(page), "missing " + page);
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + rule.id() + " "), page + " must start with its id");
            assertTrue(text.contains("Severity: **" + rule.severity().label() + "**"), page + " states another severity");
            for (String section : List.of("## What it flags", "## Why", "## Bad", "## Fixed")) {
                assertTrue(text.contains(section), page + " lacks " + section);
            }
        }
    }

    @Test
    void noOrphanDocsOrFixtureDirectories() throws IOException {
        Set<String> ids = RuleRegistry.all().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
        try (Stream<Path> pages = Files.list(DOCS)) {
            Set<String> documented = pages.map(p -> p.getFileName().toString().replaceFirst("\\.md$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(ids, documented, "docs/rules/ and the registry differ");
        }
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            Set<String> fixtured = dirs.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(ids, fixtured, "lint-fixtures/ and the registry differ");
        }
    }

    @Test
    void everyRuleHasBadAndGoodFixturesAndEveryBadOneAnExpectFile() throws IOException {
        for (Rule rule : RuleRegistry.all()) {
            List<String> files = names(FIXTURES.resolve(rule.id()));
            for (String file : files) {
                assertTrue(FIXTURE.matcher(file).matches(), rule.id() + "/" + file + " is not bad<N>.json/.expect or good<N>.json");
                if (file.endsWith(".json") && file.startsWith("bad")) {
                    assertTrue(files.contains(file.replace(".json", ".expect")), rule.id() + "/" + file + " has no .expect");
                }
                if (file.endsWith(".expect") || file.endsWith(".args")) {
                    assertTrue(files.contains(file.replaceFirst("\\.(expect|args)$", ".json")),
                            rule.id() + "/" + file + " is orphaned");
                }
            }
            assertTrue(files.stream().anyMatch(f -> f.startsWith("bad") && f.endsWith(".json")), rule.id() + " has no bad fixture");
            assertTrue(files.stream().anyMatch(f -> f.startsWith("good")), rule.id() + " has no good fixture");
        }
    }

    @TestFactory
    List<DynamicTest> fixturesGiveTheirRuleExactlyWhereExpected() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            Path dir = FIXTURES.resolve(rule.id());
            for (String file : names(dir)) {
                Path path = dir.resolve(file);
                if (file.startsWith("bad") && file.endsWith(".json")) {
                    tests.add(DynamicTest.dynamicTest(rule.id() + "/" + file, () -> {
                        Set<Integer> expected = Files.readAllLines(dir.resolve(file.replace(".json", ".expect"))).stream()
                                .map(String::strip).filter(l -> !l.isEmpty()).map(Integer::valueOf)
                                .collect(Collectors.toCollection(TreeSet::new));
                        assertFalse(expected.isEmpty(), "empty expect file for " + path);
                        assertEquals(expected, linesOf(rule, path), rule.id() + " lines in " + path);
                    }));
                } else if (file.startsWith("good") && file.endsWith(".json")) {
                    tests.add(DynamicTest.dynamicTest(rule.id() + "/" + file, () ->
                            assertEquals(Set.of(), linesOf(rule, path), rule.id() + " must not fire on " + path)));
                }
            }
        }
        return tests;
    }

    private static Set<Integer> linesOf(Rule rule, Path file) throws Exception {
        Path own = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.json$", "." + ARGS));
        Path args = Files.exists(own) ? own : file.resolveSibling(ARGS);
        if (Files.exists(args)) {
            return linesThroughCli(rule, Files.readString(args).strip().split("\\s+"), file);
        }
        return LintFiles.lint(file).stream().filter(f -> f.ruleId().equals(rule.id()))
                .map(f -> f.position().line()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The lines where {@code lint OPTIONS FILE} reports {@code rule}, run through the CLI as a user runs it. */
    static Set<Integer> linesThroughCli(Rule rule, String[] options, Path file) throws Exception {
        List<String> args = new ArrayList<>(List.of("lint", "--format", "json", "--fail-on", "never"));
        args.addAll(List.of(options));
        args.add(file.toString());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), file + ": " + run.err());
        JsonNode.JsonArray findings = (JsonNode.JsonArray) ((JsonNode.JsonObject) JsonReader.read(run.out(), "lint"))
                .get("findings").orElseThrow();
        Set<Integer> lines = new TreeSet<>();
        for (JsonNode element : findings.elements()) {
            JsonNode.JsonObject finding = (JsonNode.JsonObject) element;
            if (((JsonNode.JsonString) finding.get("rule").orElseThrow()).value().equals(rule.id())) {
                lines.add(Integer.valueOf(((JsonNode.JsonNumber) finding.get("line").orElseThrow()).text()));
            }
        }
        return lines;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
