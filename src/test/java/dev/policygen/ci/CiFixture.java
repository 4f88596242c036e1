package dev.policygen.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the CI tests share: a policy lint must reject, one it passes, and running a script or program as CI runs it, in a
 * folder, with the caller's variables replacing those of the test's own environment that CI would set.
 */
final class CiFixture {
    /** route53:* on every resource: lint reports PG301 (an error) on line 4. */
    static final String BAD_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Allow", "Action": "route53:*", "Resource": "*"}
              ]
            }
            """;

    private CiFixture() {
    }

    /** Writes to {@code file} the policy generate makes for lego on one zone: lint finds nothing in it. */
    static void writeGoodPolicy(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        CliRun generated = CliRun.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain", "example.com",
                "-o", file.toString());
        assertEquals(0, generated.exit(), generated.all());
    }

    /** A finished run: its exit code and its output and error output together. */
    record Result(int exit, String output) {
    }

    /**
     * Runs {@code command} in {@code directory}: the inherited variables {@code inherited} rejects are removed
     * (so the host's own CI variables cannot leak in), then {@code environment} is added. The test fails when it
     * does not finish within {@code timeoutSeconds}.
     */
    static Result run(Path directory, List<String> command, Predicate<String> inherited,
            Map<String, String> environment, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(inherited.negate());
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
