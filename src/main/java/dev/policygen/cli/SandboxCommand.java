package dev.policygen.cli;

import dev.policygen.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code policygen sandbox}: runs the local Route 53 stand-in until interrupted. Its fields are
 * plain JDK types and the sandbox classes are touched only inside {@link #call()}, so registering
 * the command loads neither dnsjava nor Bouncy Castle for other commands.
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        subcommands = SandboxTokenCommand.class,
        sortOptions = false,
        description = {"Run a local Route 53 for ACME clients: the API (SigV4-checked, authorized by your policies), "
                + "an HTTPS_PROXY that intercepts TLS to route53.amazonaws.com, and an authoritative DNS server. "
                + "The API also emulates the IAM server certificate, ELB, ELBv2, ACM and S3 calls of policygen renew, "
                + "and STS (AssumeRole, AssumeRoleWithWebIdentity, GetCallerIdentity) over the accounts and roles of "
                + "--config (docs/sandbox.md); 'policygen sandbox token' writes a web-identity token. "
                + "All on 127.0.0.1; nothing connects out. Runs until Ctrl-C or SIGTERM."},
        footer = {"%nExample:%n  policygen sandbox --zone example.com=Z0123456789ABCDEFGHIJ --policy policy.json "
                + "--proxy-port 8888 --dns-port 8053 --call-log calls.jsonl",
                "  then: HTTPS_PROXY=http://127.0.0.1:8888 AWS_CA_BUNDLE=<the CA file printed> lego --dns route53 ...%n",
                "Exit codes: 0 stopped, 2 bad option value, 3 unreadable policy or config file, or a --state-dir, "
                + "--call-log or --ports-file that cannot be used."})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    SandboxOptions sandboxOptions = new SandboxOptions();

    @Option(names = "--config", paramLabel = "FILE", description = "A JSON config file; options given here win.")
    Path config;

    @Option(names = "--quiet", description = "Do not print a line per request.")
    boolean quiet;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        dev.policygen.sandbox.Sandbox sandbox = SandboxSetup.build(this, quiet ? null : err);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                sandbox.close();
            } catch (java.io.IOException e) {
                err.println("policygen sandbox: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "sandbox-shutdown");
        try {
            sandbox.start();
        } catch (java.net.BindException e) {
            throw new UsageException("", "cannot listen on 127.0.0.1: " + e.getMessage() + "; choose other "
                    + "--api-port, --proxy-port or --dns-port values, or 0 for free ones");
        }
        Runtime.getRuntime().addShutdownHook(hook);
        SandboxSetup.printPorts(out, sandbox.ports());
        stopped.await();
        return ExitCode.OK;
    }
}
