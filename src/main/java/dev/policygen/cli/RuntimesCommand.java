package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.identity.RuntimeDocs;
import dev.policygen.identity.RuntimeProfile;
import dev.policygen.identity.Runtimes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "runtimes",
        mixinStandardHelpOptions = true,
        description = "List the runtimes generate --runtime writes a role for, and the trust each one gets.")
final class RuntimesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or markdown (the page docs/runtimes.md is made of). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "markdown":
                out.print(RuntimeDocs.markdown(Runtimes.all()));
                break;
            case "text":
                for (RuntimeProfile runtime : Runtimes.all()) {
                    out.printf("%-17s %s%n", runtime.runtime(), runtime.title());
                    out.printf("%-17s %s%n", "", RuntimeDocs.trustSummary(runtime));
                    if (!runtime.options().isEmpty()) {
                        out.printf("%-17s options: %s%n", "", String.join(" ", runtime.options()));
                    }
                }
                break;
            default:
                throw new UsageException(format, "unknown format \"" + format + "\"; use text or markdown");
        }
        out.flush();
        return ExitCode.OK;
    }
}
