package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.policygen.testing.Programs;
import java.nio.file.Path;
import java.util.Optional;

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
        Optional<Path> found = Programs.onPath(program);
        if (found.isPresent()) {
            return found.get();
        }
        String message = program + " is not installed; run src/test/setup/acme-clients.sh (as root) first";
        if (System.getenv("CI") != null) {
            fail(message);
        }
        assumeTrue(false, message);
        throw new AssertionError("unreachable: the assumption above aborts the test");
    }
}
