package dev.policygen.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The golden cases: {@code golden/<case>.args}, one command-line argument per line. Every test that
 * runs them (the golden runner, the fast-path and core-class-path checks) reads them here.
 */
public final class GoldenCases {
    /** golden/ of this checkout. */
    public static final Path DIR = Path.of(System.getProperty("policygen.root", "."), "golden");

    private GoldenCases() {
    }

    /** Case names (the args files without .args), sorted. */
    public static SortedSet<String> names(Path dir) throws IOException {
        SortedSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".args"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".args".length())));
        }
        return names;
    }

    /** The command line of one case; empty lines are not arguments. */
    public static String[] args(Path dir, String name) throws IOException {
        return Files.readAllLines(dir.resolve(name + ".args"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty()).toArray(String[]::new);
    }
}
