package dev.policygen.eval.oracle;

import dev.policygen.InputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The setup every oracle test shares: the checkout ({@code -Dpolicygen.root}, default "."), the driver script it
 * runs under src/test/oracle, the iam-simulate install ({@code -Doracle.dir}, default .ci/cache/oracle), checked
 * by {@link #require(String)} so that a missing oracle fails the test rather than skipping it.
 */
record OracleRun(Path root, Path driver, Path oracleDir) {

    /** The run of {@code driverScript} (a file name in src/test/oracle); fails the test when it cannot run. */
    static OracleRun require(String driverScript) {
        Path root = Path.of(System.getProperty("policygen.root", "."));
        OracleRun run = new OracleRun(root, root.resolve("src/test/oracle").resolve(driverScript),
                Path.of(System.getProperty("oracle.dir", root.resolve(".ci/cache/oracle").toString())));
        OracleProcess.requireAvailable(run.driver, run.oracleDir);
        return run;
    }

    /** How many node processes a test runs: one per core, at most 4. */
    static int workers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The disagreements with iam-simulate the project documents (src/test/resources/oracle-known-differences.json). */
    KnownDifferences knownDifferences() throws IOException, InputException {
        return KnownDifferences.read(root.resolve("src/test/resources/oracle-known-differences.json"));
    }
}
