package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 (CI): {@code lint --skip-unrecognized}, which the pre-commit hook and the GitHub Action use. */
class LintSkipUnrecognizedTest {
    @TempDir
    Path dir;

    @Test
    void jsonAndYamlThatAreNoPolicyAreSkippedOnlyWithTheOption() throws Exception {
        Path packageJson = write("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}");
        Path workflow = write("ci.yml", "on: push\njobs:\n  a:\n    runs-on: x\n");
        Path array = write("list.json", "[1, 2]");

        CliRun skipped = CliRun.of("lint", "--skip-unrecognized", packageJson.toString(), workflow.toString(),
                array.toString());
        assertEquals(0, skipped.exit(), skipped.all());
        assertEquals("", skipped.out());

        CliRun strict = CliRun.of("lint", packageJson.toString());
        assertEquals(1, strict.exit(), strict.all());
    }

    @Test
    void policiesTemplatesAndBrokenPoliciesAreStillLinted() throws Exception {
        Path policy = write("p.json", "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Action\": \"route53:*\", \"Resource\": \"*\"}]}");
        Path broken = write("broken.json", "{\"Statement\": [");

        CliRun run = CliRun.of("lint", "--skip-unrecognized", policy.toString());
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("PG301"), run.out());

        CliRun unparsable = CliRun.of("lint", "--skip-unrecognized", broken.toString());
        assertEquals(3, unparsable.exit(), unparsable.all());
        assertTrue(unparsable.out().contains("PG100"), unparsable.out());

        // the inputs lint recognises give the same report with and without the option
        for (String input : new String[] {"cloudformation.json", "cloudformation.yaml", "terraform-plan.json",
                "get-policy-version.json"}) {
            String file = "src/test/resources/inputs/" + input;
            CliRun plain = CliRun.of("lint", file);
            CliRun skipping = CliRun.of("lint", "--skip-unrecognized", file);
            assertEquals(plain.out(), skipping.out(), input);
            assertEquals(plain.exit(), skipping.exit(), input);
            assertTrue(!plain.out().isEmpty() || plain.exit() == 0, input);
        }
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
