package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.ProfileDocs;
import dev.policygen.profile.Profiles;
import dev.policygen.profile.Purpose;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "clients",
        mixinStandardHelpOptions = true,
        description = "List the client profiles and the calls each one makes.")
final class ClientsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, or markdown (the page docs/clients.md is made of). Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        Profiles profiles = Profiles.bundled();
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "markdown":
                out.print(ProfileDocs.markdown(profiles.all()));
                break;
            case "text":
                for (ClientProfile p : profiles.all()) {
                    out.printf("%-16s %s%n", p.client(), p.title());
                    if (!p.aliases().isEmpty()) {
                        out.printf("%-16s aliases: %s%n", "", String.join(", ", p.aliases()));
                    }
                    out.printf("%-16s calls: %s%n", "", ProfileDocs.actionSummary(p));
                    out.printf("%-16s change actions: %s; zone id option: %s%n", "",
                            p.changes().actions().isEmpty() ? "none" : String.join(", ", p.changes().actions()),
                            p.zoneIdOption().map(ClientProfile.ZoneIdOption::option).orElse(
                                    p.calls(Purpose.ZONE_DISCOVERY).isEmpty() ? "not needed" : "none"));
                    out.printf("%-16s assumes a role (zone in another account): %s%n", "",
                            ProfileDocs.roleSummary(p.assumeRole()));
                }
                break;
            default:
                throw new UsageException(format, "unknown format \"" + format + "\"; use text or markdown");
        }
        out.flush();
        return ExitCode.OK;
    }
}
