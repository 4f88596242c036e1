package dev.policygen.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Finds the programs that end-to-end tests run. */
public final class Programs {
    /** Probing runs the program (a Python CLI takes a second to start), so each answer is kept. */
    private static final Map<List<String>, Optional<Path>> WORKING = new ConcurrentHashMap<>();

    private Programs() {
    }

    /** The first executable of that name on PATH; an absolute path is taken as is if it is executable. */
    public static Optional<Path> onPath(String program) {
        return candidates(program).stream().findFirst();
    }

    /**
     * The first executable of that name on PATH that runs: {@code program probe...} exits 0. An executable
     * that does not run is passed over, e.g. a pyenv shim whose selected Python lacks the program.
     */
    public static Optional<Path> working(String program, String... probe) {
        List<String> key = new ArrayList<>(List.of(program));
        key.addAll(List.of(probe));
        return WORKING.computeIfAbsent(key, ignored -> candidates(program).stream()
                .filter(candidate -> runs(candidate, probe)).findFirst());
    }

    /**
     * Like {@link #working}, but a missing program fails the test with what to run: the tests that need
     * it back a claim of the README, and src/test/setup installs it, so a skip would hide a broken setup.
     */
    public static Path required(String program, String setupScript, String... probe) {
        return working(program, probe).orElseThrow(() -> new AssertionError("no working " + program + " on PATH "
                + candidates(program) + "; run " + setupScript + " (as root) first"));
    }

    /**
     * The AWS CLI that the containment tests drive: the README's claim that a policy holds "through the AWS
     * CLI" rests on them, so a machine without one fails them.
     */
    public static Path awsCli() {
        return required("aws", "src/test/setup/awscli.sh", "--version");
    }

    private static List<Path> candidates(String program) {
        List<Path> found = new ArrayList<>();
        if (program.startsWith("/")) {
            Path path = Path.of(program);
            if (Files.isExecutable(path)) {
                found.add(path);
            }
            return found;
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (!directory.isEmpty() && Files.isExecutable(candidate) && !found.contains(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    private static boolean runs(Path program, String... probe) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(probe));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
