package dev.policygen.testing;

import dev.policygen.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the CLI in process and captures what it printed and its exit code. */
public record CliRun(int exit, String out, String err) {

    /** One way of running the CLI on the given writers; returns the exit code. */
    @FunctionalInterface
    public interface Invocation {
        int run(PrintWriter out, PrintWriter err);
    }

    public static CliRun of(String... args) {
        return capture((out, err) -> Main.run(args, out, err));
    }

    /** For runs that need another entry point than {@code Main.run(args, out, err)}, e.g. a test factory. */
    public static CliRun capture(Invocation invocation) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = invocation.run(new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** Both streams, for a failure message. */
    public String all() {
        return out + err;
    }

    /** What it printed to stdout, one element a line. */
    public List<String> lines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
