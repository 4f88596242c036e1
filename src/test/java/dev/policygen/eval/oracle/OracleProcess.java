package dev.policygen.eval.oracle;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * One long-running {@code node driver.js} process. Requests go in from a writer thread while the
 * caller reads answers, so neither side can fill a pipe and stall the other.
 */
final class OracleProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader answers;
    private Thread writer;
    private volatile IOException writeFailure;

    private OracleProcess(Process process) {
        this.process = process;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Fails the calling test when the oracle cannot run: ./run-tests installs it (src/test/setup/oracle.sh),
     * so a missing oracle is a broken setup, never a reason to skip the comparison.
     */
    static void requireAvailable(Path driver, Path oracleDir) {
        String unavailable = unavailableReason(driver, oracleDir);
        if (unavailable != null) {
            fail("differential oracle unavailable: " + unavailable);
        }
    }

    /** Why the oracle cannot run here, or null when node and the installed package are present. */
    static String unavailableReason(Path driver, Path oracleDir) {
        if (!Files.isRegularFile(driver)) {
            return "driver script " + driver + " is missing";
        }
        Path installed = oracleDir.resolve("node_modules/@cloud-copilot/iam-simulate/package.json");
        if (!Files.isRegularFile(installed)) {
            return "@cloud-copilot/iam-simulate is not installed in " + oracleDir
                    + "; run src/test/oracle/install.sh";
        }
        try {
            String pinned = version(driver.resolveSibling("package.json"), "\"@cloud-copilot/iam-simulate\"");
            String actual = version(installed, "\"version\"");
            if (!pinned.equals(actual)) {
                return "iam-simulate " + actual + " is installed in " + oracleDir + " but " + pinned
                        + " is pinned; run src/test/oracle/install.sh";
            }
        } catch (IOException e) {
            return "cannot read the oracle's package.json: " + e.getMessage();
        }
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return "node --version failed";
            }
        } catch (IOException e) {
            return "node is not installed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while probing node";
        }
        return null;
    }

    /** The string value after {@code key} in a package.json, without a JSON parser's help. */
    private static String version(Path packageJson, String key) throws IOException {
        String text = Files.readString(packageJson, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(key)
                + "\\s*:\\s*\"([^\"]+)\"").matcher(text);
        if (!m.find()) {
            throw new IOException(key + " not found in " + packageJson);
        }
        return m.group(1);
    }

    static OracleProcess start(Path driver, Path oracleDir) throws IOException {
        Process process = new ProcessBuilder("node", driver.toString(), oracleDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new OracleProcess(process);
    }

    /** The process's standard input, for a caller that writes the lines itself instead of {@link #send}. */
    java.io.OutputStream input() {
        return process.getOutputStream();
    }

    /** Starts writing all lines in the background; answers come back in the same order. */
    void send(Iterator<String> lines) {
        writer = new Thread(() -> {
            try (BufferedWriter out = new BufferedWriter(
                    new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16)) {
                while (lines.hasNext()) {
                    out.write(lines.next());
                    out.write('\n');
                }
            } catch (IOException e) {
                writeFailure = e;
            }
        }, "oracle-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The next answer line; fails when the process ended early. */
    String nextAnswer() {
        try {
            String line = answers.readLine();
            if (line == null) {
                throw new IllegalStateException("the oracle process ended early"
                        + (writeFailure != null ? " (write failed: " + writeFailure.getMessage() + ")" : ""));
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (writer != null) {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
