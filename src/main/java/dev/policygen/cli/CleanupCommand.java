package dev.policygen.cli;

import dev.policygen.renew.Cleanup;
import dev.policygen.renew.PassOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Removes the TXT values an interrupted renew left in Route 53, exactly those its journal lists, and
 * nothing else; every renew does the same before it starts. The work is {@link Cleanup}'s.
 */
@Command(name = "cleanup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Remove the TXT values an interrupted renew left behind (from its journal), and nothing else.",
        footer = {"%nExit codes: 0 nothing left behind, 2 bad option value, 3 the config cannot be read or has a bad "
                + "value, or the state directory cannot be read or written, 4 AWS failed or the policy denies a request (what is left stays in the journal)."})
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RenewRequestOptions target = new RenewRequestOptions();

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        Cleanup.run(target.request(PassOptions.cleanupOnly(), Optional.empty(), Optional.empty()),
                new SdkAwsConnector(), spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
