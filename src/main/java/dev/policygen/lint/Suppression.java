package dev.policygen.lint;

import dev.policygen.SourcePosition;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One entry of a lint config's {@code "suppress"} list: findings of {@code rule} in {@code file} (and, with a
 * {@code sid}, only those inside the statement with that Sid) are suppressed for the written {@code reason}, so
 * the exception is reviewed in the repository like code. {@code position} is the entry in the config file,
 * where a suppression that matches nothing is reported.
 */
public record Suppression(String rule, String file, Optional<String> sid, String reason, SourcePosition position) {

    /**
     * Whether {@code findingFile} (as lint was given it) is this suppression's file: both relative to the
     * working directory, where the pre-commit hook and the GitHub Action run lint, or absolute.
     */
    public boolean names(String findingFile) {
        return !findingFile.equals("-") && normalized(findingFile).equals(normalized(file));
    }

    private static Path normalized(String file) {
        return Path.of(file).toAbsolutePath().normalize();
    }

    /** How messages and reports name it: {@code PG204 in policies/x.json (Sid Acme)}. */
    public String describe() {
        return rule + " in " + file + sid.map(s -> " (Sid " + s + ")").orElse("");
    }
}
