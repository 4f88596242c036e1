package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point. {@code generate} is the default command: {@code policygen --client lego ...}. */
@Command(name = "policygen",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Least-privilege IAM policies for ACME DNS-01 clients on Route 53.",
        subcommands = {GenerateCommand.class, SimulateCommand.class, LintCommand.class, ValidateCommand.class,
            SandboxCommand.class, ObserveCommand.class, ClientsCommand.class, RegisterCommand.class,
            RenewCommand.class, CleanupCommand.class, DeliverCommand.class, TrustCommand.class, RuntimesCommand.class, ExplainCommand.class,
            CommandLine.HelpCommand.class},
        footerHeading = "%nWithout a command, policygen runs generate: policygen --client traefik --zone Z... --domain example.com%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success (policy written; request allowed; no finding at or above --fail-on).",
            "1:Findings at or above --fail-on, or a denied request.",
            "2:Usage error: an unknown command or option, or an option value that cannot be used.",
            "3:An input file that cannot be read or parsed or holds a bad value, or an output file that cannot "
                    + "be written.",
            "4:A failure reported by AWS or an ACME server.",
            "70:A defect in policygen (rerun with --debug and report it)."})
public final class Main implements Runnable {
    private static final Set<String> TOP_LEVEL = Set.of("-h", "--help", "-V", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = StandardOutput.open();
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** What {@link #main} runs: the picocli-free fast path for plain generate lines, else picocli. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        int code = GenerateFastPath.run(args, out, err);
        return code == GenerateFastPath.DECLINED ? run(args, out, err) : code;
    }

    /** Runs one command line through picocli with the given writers; tests call this in process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, CommandLine.defaultFactory());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with commands made by {@code factory}; for tests. */
    static int run(String[] args, PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine commandLine = new CommandLine(new Main(), factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        if (args.length > 0 && args[0].equals("observe")) {
            // observe hands its COMMAND's arguments on verbatim: an @name there is the child's, not an argument file
            commandLine.setExpandAtFiles(false);
        }
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> failure(e, cl.getErr(), debug));
        commandLine.setParameterExceptionHandler((e, line) -> {
            CommandLine cl = e.getCommandLine();
            // a mistyped option explains the failure better than what picocli checked first (a required option)
            return usageError(cl, MistypedArguments.unknownOption(cl, line).orElse(e.getMessage()));
        });
        var unknownCommand = MistypedArguments.unknownCommand(commandLine, args);
        if (unknownCommand.isPresent()) {
            return checked(usageError(commandLine, unknownCommand.get()), out, err);
        }
        return checked(commandLine.execute(withDefaultCommand(commandLine, args)), out, err);
    }

    /**
     * The command's exit code once standard output is known to hold all it printed. A writer swallows
     * write errors, so without this {@code policygen ... > /dev/full} (a full disk, a closed stdout)
     * exited 0 and {@code && terraform apply} went on with nothing: a failed write is exit 3 with one
     * line, unless the command already failed for its own reason, whose code stays. Every command
     * ends here (and generate's fast path, {@link GenerateFastPath#run}). Standard error is not
     * checked: it carries diagnostics only, and there would be nowhere to report its failure.
     */
    static int checked(int code, PrintWriter out, PrintWriter err) {
        if (!out.checkError()) {
            return code;
        }
        String reason = out instanceof StandardOutput standard ? standard.failure() : null;
        err.println("policygen: error: cannot write standard output" + (reason == null ? "" : ": " + reason));
        err.flush();
        return code == ExitCode.OK || code == ExitCode.FINDINGS ? ExitCode.BAD_INPUT : code;
    }

    private static int usageError(CommandLine cl, String message) {
        cl.getErr().println("policygen: error: " + message);
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.USAGE;
    }

    /** Inserts "generate" unless the first argument names a command or asks for top-level help. */
    private static String[] withDefaultCommand(CommandLine commandLine, String[] args) {
        if (args.length == 0) {
            return args;
        }
        String first = args[0];
        if (commandLine.getSubcommands().containsKey(first) || TOP_LEVEL.contains(first)) {
            return args;
        }
        List<String> withGenerate = new ArrayList<>();
        withGenerate.add("generate");
        withGenerate.addAll(Arrays.asList(args));
        return withGenerate.toArray(new String[0]);
    }

    /** Reports a failure in one line (a stack trace only with --debug) and picks its exit code. */
    static int failure(Exception e, PrintWriter err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (e instanceof PolicygenException failure) {
            err.println("policygen: error: " + (failure instanceof InputException input ? input.located()
                    : failure.getMessage()));
            return exitCodeOf(failure);
        }
        err.println("policygen: internal error: " + e + (debug ? "" : " (rerun with --debug for details)"));
        return ExitCode.INTERNAL;
    }

    /** The one mapping from a failure's category to its exit code: 2 usage, 3 file, 4 AWS/ACME/guard. */
    static int exitCodeOf(PolicygenException e) {
        return switch (e.category()) {
            case USAGE -> ExitCode.USAGE;
            case FILE -> ExitCode.BAD_INPUT;
            case REMOTE -> ExitCode.REMOTE;
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version Maven wrote into the jar's resources. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws Exception {
            try (var in = Main.class.getResourceAsStream("/policygen-version.txt")) {
                String version = in == null ? "unknown" : new String(in.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8).strip();
                return new String[] {"policygen " + version};
            }
        }
    }
}
