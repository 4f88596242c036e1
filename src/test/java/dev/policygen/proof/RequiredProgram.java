package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds a program a proof needs. On CI (the CI variable set) a missing program fails the test, since
 * src/test/setup/acme-clients.sh should have installed it; on a developer machine the proof is
 * skipped instead, so the rest of the suite still runs without the Debian packages.
 */
final class RequiredProgram {
    private RequiredProgram() {
    }

    /** The program's path: a bare name is looked up on PATH, an absolute path is taken as is. */
    static Path locate(String program) {
        Path found = find(program);
        if (found != null) {
            return found;
        }
        String message = program + " is not installed; run src/test/setup/acme-clients.sh (as root) first";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(false, message);
        throw new AssertionError("unreachable: the assumption above aborts the test");
    }

    static Path find(String program) {
        if (program.startsWith("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? path : null;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
