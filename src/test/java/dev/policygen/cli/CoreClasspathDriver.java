package dev.policygen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs every golden command line as {@code Main.main} would and prints one line per case: name,
 * exit code, standard output and standard error, escaped. {@link CoreClasspathTest} runs it in a JVM
 * whose class path holds only what target/policygen-core.jar holds, and in process with everything.
 */
public final class CoreClasspathDriver {
    private CoreClasspathDriver() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(report(Path.of(args[0])));
    }

    static String report(Path golden) throws IOException {
        StringBuilder report = new StringBuilder();
        List<Path> cases;
        try (Stream<Path> files = Files.list(golden)) {
            cases = files.filter(p -> p.toString().endsWith(".args")).sorted().toList();
        }
        for (Path file : cases) {
            String[] args = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty())
                    .toArray(String[]::new);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            report.append(file.getFileName()).append('\t').append(exit).append('\t')
                    .append(escape(out.toString())).append('\t').append(escape(err.toString())).append('\n');
        }
        return report.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }
}
