package dev.policygen.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.lint.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule pages in docs/rules/ say what each rule class says and show what it does. Each page's
 * header (id, name, severity, summary) is written from the rule, which states them once; run with
 * {@code -Drule.pages.update=true} to rewrite stale headers after changing a rule. Each JSON example
 * under "## Bad" must give the page's rule and each under "## Fixed" must not: an example that says
 * "Checked with `OPTIONS`" (PG501 and PG502 need a client) is linted through the CLI with them.
 */
class RulePagesTest {
    private static final Path DOCS = LintFiles.root().resolve("docs/rules");
    private static final boolean UPDATE = Boolean.getBoolean("rule.pages.update");
    /** Ends the written header; the hand-written rest of the page follows it. */
    static final String HEADER_END = "<!-- The lines above are written from the rule class: edit the rule, then run"
            + " mvn test -Dtest=RulePagesTest -Drule.pages.update=true -->\n";
    /** Pages whose examples are described rather than shown: PG402's are thousands of characters long. */
    private static final Set<String> PROSE_EXAMPLES = Set.of("PG402");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CHECKED_WITH = Pattern.compile("Checked with `([^`]+)`");

    @TempDir
    Path temp;

    static String header(Rule rule) {
        return "# " + rule.id() + " " + rule.name() + "\n\n"
                + "Severity: **" + rule.severity().label() + "**\n\n"
                + rule.summary() + "\n\n"
                + HEADER_END;
    }

    @TestFactory
    List<DynamicTest> everyPageHeaderIsWrittenFromItsRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            tests.add(DynamicTest.dynamicTest(rule.id(), () -> {
                Path page = DOCS.resolve(rule.id() + ".md");
                String text = Files.readString(page, StandardCharsets.UTF_8);
                int end = text.indexOf(HEADER_END);
                assertTrue(end >= 0, page + " lacks the line that ends its written header");
                String expected = header(rule) + text.substring(end + HEADER_END.length());
                if (UPDATE && !expected.equals(text)) {
                    Files.writeString(page, expected, StandardCharsets.UTF_8);
                } else {
                    assertEquals(expected, text, page + " is stale: run mvn test -Dtest=RulePagesTest"
                            + " -Drule.pages.update=true");
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> badExamplesGiveTheirRuleAndFixedOnesDoNot() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Rule rule : RuleRegistry.all()) {
            String text = Files.readString(DOCS.resolve(rule.id() + ".md"), StandardCharsets.UTF_8);
            String bad = section(text, "## Bad");
            String fixed = section(text, "## Fixed");
            Matcher checkedWith = CHECKED_WITH.matcher(bad);
            Optional<String[]> options = checkedWith.find() ? Optional.of(checkedWith.group(1).split("\\s+"))
                    : Optional.empty();
            List<String> badExamples = jsonBlocks(bad);
            List<String> fixedExamples = jsonBlocks(fixed);
            if (PROSE_EXAMPLES.contains(rule.id())) {
                assertTrue(badExamples.isEmpty() && fixedExamples.isEmpty(), rule.id() + " now shows examples:"
                        + " take it out of PROSE_EXAMPLES so they are checked");
                continue;
            }
            assertFalse(badExamples.isEmpty(), rule.id() + ".md has no JSON example under ## Bad");
            assertFalse(fixedExamples.isEmpty(), rule.id() + ".md has no JSON example under ## Fixed");
            for (int i = 0; i < badExamples.size(); i++) {
                String example = badExamples.get(i);
                String name = rule.id() + ".md Bad " + (i + 1);
                tests.add(DynamicTest.dynamicTest(name, () -> assertFalse(lines(rule, example, options).isEmpty(),
                        name + " must give " + rule.id())));
            }
            for (int i = 0; i < fixedExamples.size(); i++) {
                String example = fixedExamples.get(i);
                String name = rule.id() + ".md Fixed " + (i + 1);
                tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(Set.of(), lines(rule, example, options),
                        name + " must not give " + rule.id())));
            }
        }
        return tests;
    }

    @Test
    void readmeStatesTheNumberOfRules() throws IOException {
        String readme = Files.readString(LintFiles.root().resolve("README.md"), StandardCharsets.UTF_8);
        Matcher count = Pattern.compile("checks policies against (\\d+) rules").matcher(readme);
        assertTrue(count.find(), "README.md no longer says how many rules lint checks");
        assertEquals(RuleRegistry.all().size(), Integer.parseInt(count.group(1)), "README.md miscounts the rules");
    }

    /** The lines where {@code rule} reports on an example, with the page's options if it gives some. */
    private Set<Integer> lines(Rule rule, String example, Optional<String[]> options) throws Exception {
        if (options.isPresent()) {
            Path file = Files.createTempFile(temp, rule.id(), ".json");
            Files.writeString(file, example, StandardCharsets.UTF_8);
            return RuleCatalogTest.linesThroughCli(rule, options.get(), file);
        }
        return LintFiles.lint(rule.id() + ".json", example, LintOptions.DEFAULT).stream()
                .filter(f -> f.ruleId().equals(rule.id())).map(f -> f.position().line())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** From a "## " heading to the next one. */
    private static String section(String page, String heading) {
        int start = page.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = page.indexOf("\n## ", start + heading.length() + 2);
        return page.substring(start, end < 0 ? page.length() : end);
    }

    private static List<String> jsonBlocks(String section) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = JSON_BLOCK.matcher(section);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
