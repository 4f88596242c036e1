package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.lint.LintFiles;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code ./policygen} lines of the README's worked cert-manager-on-EKS example in process, in
 * order, in one folder (so each reads what the one before wrote), and holds each to the exit code its
 * {@code # exit N} comment gives (0 without one) and to the output the README prints after it: a
 * {@code text} block is the last command's output, line for line, with {@code HOST} for the OIDC provider;
 * a block with an {@code ...} line only needs its other lines. {@code role.json}, the {@code aws iam
 * get-role} output the example lints, is {@code readme/cert-manager-get-role.json}.
 */
class ReadmeExamplesTest {
    private static final String SECTION = "### Example: cert-manager on EKS (IRSA)";
    private static final String HOST = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final Pattern BLOCK = Pattern.compile("```(sh|text)\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern EXIT = Pattern.compile("\\s+#\\s*exit (\\d+)\\s*$");

    @Test
    void theCertManagerOnEksLinesRunAsPrinted(@TempDir Path dir) throws Exception {
        String readme = Files.readString(LintFiles.root().resolve("README.md"));
        int start = readme.indexOf(SECTION);
        assertTrue(start >= 0, "README lacks " + SECTION);
        int end = readme.indexOf("\n## ", start);
        String section = readme.substring(start, end);
        Files.copy(LintFiles.testResource("readme/cert-manager-get-role.json"), dir.resolve("role.json"));
        Matcher block = BLOCK.matcher(section);
        CliRun last = null;
        int commands = 0;
        while (block.find()) {
            if (block.group(1).equals("text")) {
                if (last != null) {
                    checkOutput(block.group(2), last, dir);
                }
                continue;
            }
            for (String line : block.group(2).replace("\\\n", " ").split("\n")) {
                if (!line.startsWith("./policygen ")) {
                    continue;
                }
                Matcher exit = EXIT.matcher(line);
                int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
                String command = exit.replaceFirst("");
                last = CliRun.of(arguments(command, dir));
                assertEquals(expected, last.exit(), command + "\n" + last.err());
                commands++;
            }
        }
        assertEquals(4, commands, "the example's policygen lines");
    }

    /** The words of a command line after ./policygen: single quotes group, a relative .json is in {@code dir}. */
    private static String[] arguments(String command, Path dir) {
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("'([^']*)'|(\\S+)").matcher(command.substring("./policygen ".length()));
        while (word.find()) {
            String text = word.group(1) != null ? word.group(1) : word.group(2);
            words.add(text.endsWith(".json") && !text.contains("/") ? dir.resolve(text).toString() : text);
        }
        return words.toArray(String[]::new);
    }

    private static void checkOutput(String shown, CliRun run, Path dir) {
        String actual = (run.out() + run.err()).replace(dir + "/", "").replace(HOST, "HOST");
        List<String> lines = shown.lines().toList();
        if (lines.stream().anyMatch(l -> l.strip().equals("..."))) {
            for (String line : lines) {
                if (!line.strip().equals("...")) {
                    assertTrue(actual.contains(line), "README shows \"" + line + "\", not in:\n" + actual);
                }
            }
        } else {
            assertEquals(shown.strip(), actual.strip());
        }
    }
}
