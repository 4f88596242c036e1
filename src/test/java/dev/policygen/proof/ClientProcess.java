package dev.policygen.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one client command to completion with exactly the given environment (nothing inherited, so
 * no developer setting such as ~/.aws or a real proxy leaks in) and a hard time limit. Output goes
 * to a file, not a pipe, so a chatty client can never block on a full pipe buffer.
 */
final class ClientProcess {
    /** How a run ended; a run killed at its time limit has exit code -1. */
    record Outcome(int exitCode, String output, Duration wallTime) {
        boolean timedOut() {
            return exitCode == -1;
        }
    }

    private ClientProcess() {
    }

    static Outcome run(List<String> command, Map<String, String> environment, Path workDirectory, Duration limit)
            throws IOException, InterruptedException {
        Path log = workDirectory.resolve("client-output.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        int exit;
        if (process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            exit = process.exitValue();
        } else {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            exit = -1;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit == -1) {
            output += "\n[killed after " + limit.toSeconds() + " s]";
        }
        return new Outcome(exit, output, wall);
    }
}
