package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 2: a command whose standard output cannot be written (a full disk, a closed stdout)
 * exits 3 with one line, so {@code policygen ... > p.json && terraform apply} stops. Run in a
 * separate JVM with stdout on /dev/full, for generate's fast path, picocli's path and the commands
 * that print reports.
 */
class StandardOutputCheckTest {
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    Path dir;

    @Test
    void generateOnTheFastPath() throws Exception {
        assertFailsOnAFullDisk("--client", "lego", "--zone", ZONE, "--domain", "example.com");
    }

    @Test
    void generateThroughPicocli() throws Exception {
        // the fast path declines --debug, so picocli runs the same line
        assertFailsOnAFullDisk("generate", "--client", "lego", "--zone", ZONE, "--domain", "example.com", "--debug");
    }

    @Test
    void lintSimulateAndClients() throws Exception {
        Path policy = policy();
        // a clean policy prints nothing, so nothing can fail: lint one with findings to print
        assertFailsOnAFullDisk("lint", Path.of("src/test/resources/seeds/blog-acme-sh.json").toString());
        assertFailsOnAFullDisk("simulate", "--policy", policy.toString(), "--zone", ZONE,
                "--change", "UPSERT:TXT:_acme-challenge.example.com");
        assertFailsOnAFullDisk("clients");
    }

    @Test
    void aClosedStandardOutputIsAFailureToo() throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" >&-", "sh"));
        command.addAll(java("clients"));
        Process process = new ProcessBuilder(command).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(3, process.waitFor(), err);
        assertTrue(err.startsWith("policygen: error: cannot write standard output"), err);
    }

    @Test
    void anAllowedOutputStillExitsZero() throws Exception {
        Process process = new ProcessBuilder(java("clients")).redirectOutput(new File("/dev/null")).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), err);
    }

    /** A policy written by generate in process, for the commands that read one. */
    private Path policy() {
        Path file = dir.resolve("policy.json");
        CliRun run = CliRun.of("--client", "lego", "--zone", ZONE, "--domain", "example.com", "-o", file.toString());
        assertEquals(0, run.exit(), run.all());
        assertTrue(Files.exists(file));
        return file;
    }

    private static void assertFailsOnAFullDisk(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(java(args)).redirectOutput(new File("/dev/full")).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        assertEquals(3, exit, String.join(" ", args) + ": " + err);
        assertTrue(err.endsWith("policygen: error: cannot write standard output: No space left on device\n"),
                String.join(" ", args) + ": " + err);
        assertEquals(1, err.lines().count(), err);
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
