package dev.policygen.proof;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * policygen as a separate JVM (this JVM's class path and environment), so a proof can kill it
 * (SIGKILL) or stop it (SIGTERM) at a chosen step while Pebble and the sandbox go on in the test.
 * Output goes to a file, which the proof reads while the process runs. Steps are recognised in
 * the sandbox's call log or Pebble's, never by timing.
 */
final class RenewChild implements Closeable {
    /** Generous: a JVM start and a renewal on a slow, busy 2-core machine. */
    static final Duration LIMIT = Duration.ofSeconds(90);

    private final Process process;
    private final Path output;

    private RenewChild(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static RenewChild start(List<String> arguments, Path output) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daws.configFile=/dev/null", "-Daws.sharedCredentialsFile=/dev/null", "-Daws.disableEc2Metadata=true",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "dev.policygen.cli.Main"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        return new RenewChild(process, output);
    }

    /** Something the proof waits for while the process runs. */
    interface Check {
        boolean met() throws Exception;
    }

    /** Waits until the process has printed {@code text}. */
    void awaitOutput(String text) throws Exception {
        await(() -> output().contains(text), "output " + text);
    }

    /** Polls {@code check} until it holds; fails if the process ends first or it takes longer than the limit. */
    void await(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!check.met()) {
            // dead now, but it may have reached the state and exited since the check: one more look decides
            if (!process.isAlive() && !check.met()) {
                throw new AssertionError("policygen exited with " + process.exitValue() + " before " + what + ":\n"
                        + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within " + LIMIT.toSeconds() + " s:\n" + output());
            }
            Thread.sleep(10);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code once it has exited (-1 if it did not within the limit). */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    /** The exit code once the process has ended by itself (-1 if it did not within the limit). */
    int awaitExit() throws InterruptedException {
        return awaitExit(LIMIT);
    }

    /** The exit code once the process has ended by itself (-1 if it did not within {@code limit}). */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
