package dev.policygen.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code policygen observe -- COMMAND}: runs a command against a sandbox and reports the AWS calls
 * it made. Plain JDK fields only; {@link ObserveRun} does the work, so registering this command
 * loads no sandbox class.
 */
@Command(name = "observe",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Run COMMAND with its AWS calls sent to a local sandbox (HTTPS_PROXY, AWS_CA_BUNDLE, a fake "
                + "key, no profiles or metadata service; loopback bypasses the proxy), stream its output, then "
                + "print every AWS call it made: action, resource, records changed, decision, deciding statement. "
                + "--derive writes the least-privilege policy for exactly those calls, as generate writes it."},
        footer = {"%nExample:%n  policygen observe --zone example.com=Z0123456789ABCDEFGHIJ --derive policy.json "
                + "-- lego --dns route53 --domains example.com ... run",
                "  policygen observe --zone example.com=Z0123456789ABCDEFGHIJ --policy policy.json -- certbot ...%n",
                "Exit codes: 1 a call was denied (under --policy, or by AWS with --forward), whatever the command "
                        + "returned; otherwise 0 when the command exited 0 and 4 when it exited non-zero "
                        + "(its status is named); 2 bad option or COMMAND not runnable; 3 unreadable input, or a "
                        + "--derive, --state-dir, --call-log or --ports-file that cannot be used (checked before COMMAND runs). The table is printed in every case the command ran."})
final class ObserveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions sandboxOptions = new SandboxOptions();

    @Option(names = "--sandbox-config", paramLabel = "FILE",
            description = "The sandbox as 'policygen sandbox --config' takes it; options given here win.")
    Path sandboxConfig;

    @Option(names = "--derive", paramLabel = "FILE",
            description = "Write the least-privilege policy for exactly the calls observed. Calls made as several "
                    + "identities (a role assumed): one policy per identity, FILE for the first and FILE-NAME for "
                    + "each further role, and FILE[-NAME]-trust with the trust an observed assumption needed.")
    Path derive;

    @Option(names = "--format", paramLabel = "FORMAT", description = "The call table as text (default) or json. With json, stdout carries only the JSON "
                    + "document and COMMAND's standard output is sent to standard error.")
    String format = "text";

    @Option(names = "--forward", paramLabel = "URL",
            description = "Send the calls on, unchanged and signed by COMMAND's own credentials, to this real "
                    + "endpoint (https://route53.amazonaws.com) and record them, instead of answering them "
                    + "locally. COMMAND's credentials and AWS configuration are left as they are.")
    String forward;

    @Option(names = "--forward-ca", paramLabel = "FILE",
            description = "PEM certificates to trust for the --forward endpoint besides the JDK's.")
    Path forwardCa;

    @Parameters(paramLabel = "COMMAND", arity = "0..*",
            description = "The command to observe and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        return ObserveRun.run(this, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
