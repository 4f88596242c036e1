package dev.policygen.cli;

import dev.policygen.golden.GoldenCases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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
        for (String name : GoldenCases.names(golden)) {
            String[] args = GoldenCases.args(golden, name);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
            report.append(name).append('\t').append(exit).append('\t')
                    .append(escape(out.toString())).append('\t').append(escape(err.toString())).append('\n');
        }
        return report.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }
}
