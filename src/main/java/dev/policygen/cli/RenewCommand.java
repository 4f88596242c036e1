package dev.policygen.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Renews the certificates of a renew config, once or as a service. The work is in
 * {@link RenewSession}; this class holds the options. Options are plain values so building the
 * command line loads no ACME, SDK or Bouncy Castle class.
 */
@Command(name = "renew",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Renew the certificates of a renew config over DNS-01 on Route 53, never sending an AWS "
                + "request outside its policy.",
        footer = {"%nThe config is --config FILE (YAML or JSON), else the LETSENCRYPT_AWS_CONFIG environment variable "
                + "in letsencrypt-aws's schema.%n",
                "Exit codes: 0 every certificate renewed or not due, 2 bad option value, 3 the config, the state "
                        + "directory or a certificate file cannot be read or written, 4 a certificate failed (AWS, "
                        + "ACME, or a request the policy denies; see the summary)."})
final class RenewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;


    @Option(names = "--persistent", description = "Keep running: renew, sleep --interval (with jitter), repeat; "
            + "SIGTERM finishes the current step, cleans up and exits 0.")
    boolean persistent;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "12h",
            description = "Time between passes with --persistent: 90s, 30m, 12h, 1d or ISO-8601. Default: ${DEFAULT-VALUE}.")
    String interval;

    @Option(names = "--force-issue", description = "Renew every certificate now, due or not.")
    boolean forceIssue;

    @Option(names = "--delete-old", description = "Delete the replaced IAM server certificate once the new one is in service.")
    boolean deleteOld;

    @Option(names = "--dry-run", description = "Read what is in service and report what would be renewed, checking "
            + "each of its requests against the policy; no order, no change anywhere.")
    boolean dryRun;




    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Certificates renewed at once. Default: ${DEFAULT-VALUE}.")
    int concurrency;


    @Option(names = "--preferred-chain", paramLabel = "NAME",
            description = "Use the CA's alternate chain whose top certificate is issued by (or is) this common name.")
    String preferredChain;

    @Option(names = "--acme-ca", paramLabel = "FILE",
            description = "Trust only the CA certificates in this PEM file for the ACME server's HTTPS (private CAs).")
    Path acmeCa;




    @Mixin
    RenewTargetOptions target = new RenewTargetOptions();

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        return new RenewSession(this, spec.commandLine().getOut(), spec.commandLine().getErr()).run();
    }
}
