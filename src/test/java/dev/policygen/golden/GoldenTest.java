package dev.policygen.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code golden/<case>.args} (one argument per line) through the CLI and compares with
 * the expected files: {@code <case>.json|.tf|.yaml} for standard output of a successful run,
 * {@code <case>.stderr} when it also prints to standard error, or {@code <case>.err} holding
 * {@code exit N} and the standard error of a failing run. Expected files are only rewritten with
 * {@code mvn test -Dgolden.update=true}.
 */
class GoldenTest {
    private static final Path DIR = GoldenCases.DIR;
    private static final List<String> OUTPUT_EXTENSIONS = List.of(".json", ".tf", ".yaml");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : GoldenCases.names(DIR)) {
            tests.add(DynamicTest.dynamicTest(name, () -> check(name)));
        }
        assertTrue(tests.size() >= 40, "expected the golden suite to hold at least 40 cases, found " + tests.size());
        return tests.stream();
    }

    /** Every expected file belongs to an args file and every args file has exactly one result file. */
    @Test
    void everyFileIsPaired() throws IOException {
        Set<String> cases = GoldenCases.names(DIR);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                String stem = fileName.contains(".") ? fileName.substring(0, fileName.indexOf('.')) : fileName;
                if (!fileName.endsWith(".args") && !fileName.equals("README.md") && !cases.contains(stem)) {
                    problems.add(fileName + " has no " + stem + ".args");
                }
            }
        }
        for (String name : cases) {
            long results = Stream.concat(OUTPUT_EXTENSIONS.stream(), Stream.of(".err"))
                    .filter(ext -> Files.exists(DIR.resolve(name + ext))).count();
            if (results != 1) {
                problems.add(name + ".args has " + results + " result files; expected exactly one of "
                        + OUTPUT_EXTENSIONS + " or .err" + (UPDATE ? "" : " (create it with -Dgolden.update=true)"));
            }
            if (Files.exists(DIR.resolve(name + ".stderr")) && Files.exists(DIR.resolve(name + ".err"))) {
                problems.add(name + " has both .stderr and .err");
            }
        }
        if (!problems.isEmpty() && !UPDATE) {
            fail("unpaired golden files:\n  " + String.join("\n  ", problems));
        }
    }

    private static void check(String name) throws IOException {
        List<String> args = List.of(GoldenCases.args(DIR, name));
        CliRun run = CliRun.of(args.toArray(new String[0]));
        if (run.exit() != 0) {
            compare(DIR.resolve(name + ".err"), "exit " + run.exit() + "\n" + run.err());
            return;
        }
        Path expected = expectedOutput(name, args);
        compare(expected, run.out());
        Path stderr = DIR.resolve(name + ".stderr");
        if (!run.err().isEmpty() || Files.exists(stderr)) {
            compare(stderr, run.err());
        }
    }

    private static Path expectedOutput(String name, List<String> args) {
        for (String ext : OUTPUT_EXTENSIONS) {
            if (Files.exists(DIR.resolve(name + ext))) {
                return DIR.resolve(name + ext);
            }
        }
        String format = args.contains("terraform") ? ".tf" : args.contains("cloudformation") ? ".yaml" : ".json";
        return DIR.resolve(name + format);
    }

    private static void compare(Path expected, String actual) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected)) {
            fail("missing " + expected.getFileName() + "; run mvn test -Dgolden.update=true to create it. Actual:\n"
                    + actual);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual, "golden file " + expected.getFileName());
    }
}
