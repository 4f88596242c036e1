package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10 item 18: a local path option that names something unusable (a file for a directory, a
 * directory for a file, a file in a missing folder) is the user's error, exit 3 with one line naming
 * the path, never exit 70 with a stack trace: every path option of sandbox, observe, renew and cleanup.
 */
class LocalPathOptionsTest {
    @TempDir
    static Path directory;

    /** A regular file, a directory, and a path whose folder does not exist. */
    private static Path file() throws Exception {
        Path file = directory.resolve("a-file");
        if (!Files.exists(file)) {
            Files.writeString(file, "x");
        }
        return file;
    }

    private static Path missingFolder() {
        return directory.resolve("no-such-folder").resolve("f");
    }

    static Stream<Arguments> badPaths() throws Exception {
        Path file = file();
        Path dir = Files.createDirectories(directory.resolve("a-dir"));
        Path config = directory.resolve("renew.yaml");
        Files.writeString(config, "accountKey: file://" + directory.resolve("account.pem") + "\n"
                + "certificates:\n  www:\n    domains: [www.example.com]\n    zones: [Z1111111111111]\n"
                + "    destinations:\n      - acm: {}\n");
        Path goodPolicy = directory.resolve("renew-1.json");
        Files.writeString(goodPolicy, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Action\": \"route53:GetChange\", \"Resource\": \"*\"}]}");
        List<Arguments> cases = new ArrayList<>();
        for (String command : List.of("sandbox", "observe")) {
            List<String> tail = command.equals("sandbox") ? List.of("--zone", "example.com", "--quiet")
                    : List.of("--zone", "example.com", "--", "true");
            for (Object[] bad : new Object[][] {{"--state-dir", file}, {"--state-dir", file.resolve("below-a-file")},
                {"--call-log", dir}, {"--call-log", file.resolve("below-a-file")}, {"--ports-file", missingFolder()},
                {"--ports-file", dir}, {"--policy", dir}, {"--policy", missingFolder()}}) {
                cases.add(command(command, (String) bad[0], (Path) bad[1], tail));
            }
        }
        cases.add(command("sandbox", "--config", dir, List.of("--quiet")));
        List<String> observed = List.of("--", "true");
        cases.add(command("observe", "--sandbox-config", missingFolder(), observed));
        cases.add(command("observe", "--derive", missingFolder(), observed));
        cases.add(command("observe", "--derive", dir, observed));
        for (String command : List.of("renew", "cleanup")) {
            List<String> withConfig = List.of("--config", config.toString());
            cases.add(command(command, "--state-dir", file, withConfig));
            cases.add(command(command, "--state-dir", file.resolve("below-a-file"), withConfig));
            cases.add(command(command, "--config", dir, List.of()));
            cases.add(command(command, "--policy", missingFolder(), withConfig));
            // --policy is repeatable (the documents generate --split writes): a bad second file is its own line
            List<String> afterAGoodOne = List.of("--policy", goodPolicy.toString(), "--config", config.toString());
            cases.add(command(command, "--policy", missingFolder(), afterAGoodOne));
            cases.add(command(command, "--policy", dir, afterAGoodOne));
        }
        return cases.stream();
    }

    private static Arguments command(String command, String option, Path value, List<String> rest) {
        List<String> args = new ArrayList<>(List.of(command, option, value.toString()));
        args.addAll(rest);
        return Arguments.of(String.join(" ", args), args, value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPaths")
    void anUnusablePathIsOneLineAndExit3(String line, List<String> args, Path value) {
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(3, run.exit(), line + "\n" + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith("policygen: error: "), run.err());
        assertTrue(lines.get(0).contains(value.toString()), run.err());
        assertFalse(lines.get(0).contains("Exception"), "no Java class names: " + run.err());
    }
}
