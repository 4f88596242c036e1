package dev.policygen.lint;

import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Test helpers: where the project lives, and linting a file or text the way the CLI does. */
public final class LintFiles {
    private LintFiles() {
    }

    /** The project directory; surefire sets policygen.root, an IDE usually runs in it. */
    public static Path root() {
        return Path.of(System.getProperty("policygen.root", "."));
    }

    public static Path testResource(String relative) {
        return root().resolve("src/test/resources").resolve(relative);
    }

    public static List<Finding> lint(Path file) {
        return lint(file.toString(), read(file), LintOptions.DEFAULT);
    }

    public static List<Finding> lint(String name, String text, LintOptions options) {
        return lint(name, text, options, Optional.empty());
    }

    /** With a client to compare with, as {@code lint --client ...} does. */
    public static List<Finding> lint(String name, String text, LintOptions options, Optional<ProfileDiff> diff) {
        return RuleRegistry.linter(Set.of(), diff).lint(PolicyInputs.extract(name, text, options));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
