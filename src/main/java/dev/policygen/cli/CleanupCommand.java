package dev.policygen.cli;

import dev.policygen.PolicygenException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Removes the TXT values an interrupted renew left in Route 53, exactly those its journal lists, and
 * nothing else; every renew does the same before it starts.
 */
@Command(name = "cleanup",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Remove the TXT values an interrupted renew left behind (from its journal), and nothing else.",
        footer = {"%nExit codes: 0 nothing left behind, 2 bad option value, 3 the config or the state directory cannot "
                + "be read or written, 4 AWS failed or the policy denies a request (what is left stays in the journal)."})
final class CleanupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RenewTargetOptions target = new RenewTargetOptions();

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        RenewCommand options = new RenewCommand();
        options.target = target;
        try (RenewSetup setup = RenewSetup.open(options, spec.commandLine().getOut(), spec.commandLine().getErr(),
                false)) {
            Optional<PolicygenException> failure = setup.removeLeftovers();
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
        return ExitCode.OK;
    }
}
