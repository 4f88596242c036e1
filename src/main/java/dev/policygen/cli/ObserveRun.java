package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.OutputException;
import dev.policygen.UsageException;
import dev.policygen.format.RenderedFile;
import dev.policygen.io.Directories;
import dev.policygen.io.LocalPaths;
import dev.policygen.model.PolicyWriter;
import dev.policygen.observe.CallTable;
import dev.policygen.observe.ChildEnvironment;
import dev.policygen.observe.ChildProcess;
import dev.policygen.observe.DerivedIdentities;
import dev.policygen.observe.DerivedPolicy;
import dev.policygen.observe.Observation;
import dev.policygen.observe.ObservedCall;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.sandbox.SandboxPorts;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code policygen observe} does: sandbox up, command run through it, sandbox down, then the
 * call table, the derived policy and the exit code. The calls are read back from the sandbox's call
 * log, the same lines {@code policygen sandbox --call-log} writes.
 */
final class ObserveRun {
    private ObserveRun() {
    }

    static int run(ObserveCommand options, PrintWriter out, PrintWriter err)
            throws UsageException, InputException, OutputException, IOException, InterruptedException {
        if (options.command.isEmpty()) {
            throw new UsageException("", "no command to observe; give it after --: policygen observe [OPTIONS] -- "
                    + "COMMAND [ARGS...]");
        }
        if (!options.format.equals("text") && !options.format.equals("json")) {
            throw new UsageException(options.format, "--format takes text or json, not \"" + options.format + "\"");
        }
        if (options.derive != null) {
            // checked before the command runs: finding out afterwards would waste the client's run
            LocalPaths.checkFileTarget("the --derive file", options.derive);
        }
        SandboxBuilder builder = SandboxSetup.configure(options.sandboxOptions, options.sandboxConfig, null);
        boolean forwarding = forwarding(options, builder);
        Path temporary = null;
        Path callLog = builder.callLogFile();
        if (callLog == null) {
            temporary = Files.createTempDirectory("policygen-observe-");
            callLog = temporary.resolve("calls.jsonl");
            builder.callLog(callLog);
        }
        try {
            long offset = Files.exists(callLog) ? Files.size(callLog) : 0;
            int commandExit;
            try (Sandbox sandbox = start(builder)) {
                // with --format json stdout carries only the JSON document, so the command's output
                // goes to stderr and `policygen observe --format json -- ... | jq` parses
                commandExit = runCommand(options.command, sandbox, forwarding,
                        options.format.equals("json") ? err : out, err);
            }
            Observation observation = Observation.read(callLog, offset);
            out.print(options.format.equals("json") ? CallTable.json(observation, commandExit)
                    : CallTable.text(observation));
            out.flush();
            if (options.derive != null) {
                derive(options.derive, observation, err);
            }
            return exitCode(observation, commandExit, err);
        } finally {
            if (temporary != null) {
                Directories.deleteRecursively(temporary);
            }
        }
    }

    /** Applies --forward; the local-only options make no sense with it. */
    private static boolean forwarding(ObserveCommand options, SandboxBuilder builder) throws UsageException {
        if (options.forward == null) {
            if (options.forwardCa != null) {
                throw new UsageException("--forward-ca", "--forward-ca needs --forward URL");
            }
            return false;
        }
        if (!options.sandboxOptions.policies.isEmpty() || !options.sandboxOptions.zones.isEmpty()) {
            throw new UsageException("--forward", "--policy and --zone configure the local sandbox; with --forward "
                    + "the endpoint's own zones and IAM policies apply");
        }
        try {
            builder.forward(URI.create(options.forward), options.forwardCa);
        } catch (IllegalArgumentException e) {
            throw new UsageException(options.forward, "--forward: " + e.getMessage());
        }
        return true;
    }

    private static Sandbox start(SandboxBuilder builder)
            throws IOException, UsageException, InputException, OutputException {
        try {
            return builder.build().start();
        } catch (BindException e) {
            throw new UsageException("", "cannot listen on 127.0.0.1: " + e.getMessage() + "; choose other "
                    + "--api-port, --proxy-port or --dns-port values, or 0 for free ones");
        }
    }

    private static int runCommand(List<String> command, Sandbox sandbox, boolean forwarding, PrintWriter out,
            PrintWriter err) throws UsageException, InterruptedException {
        SandboxPorts ports = sandbox.ports();
        Map.Entry<String, String> key = sandbox.credentials().entrySet().iterator().next();
        ChildEnvironment.FakeCredentials credentials = forwarding ? null
                : new ChildEnvironment.FakeCredentials(key.getKey(), key.getValue());
        try {
            return ChildProcess.run(command, environment -> ChildEnvironment.apply(environment, ports.proxyUrl(),
                    ports.caCertificate(), credentials), out, err);
        } catch (IOException e) {
            throw new UsageException(command.get(0), "cannot run " + command.get(0) + ": " + e.getMessage());
        }
    }

    private static void derive(Path file, Observation observation, PrintWriter err) throws OutputException {
        boolean any = observation.calls().stream().anyMatch(ObservedCall::authorizable);
        if (!any) {
            err.println("policygen observe: no AWS call was observed, so there is no policy to derive; "
                    + file + " was not written");
            err.flush();
            return;
        }
        List<DerivedIdentities.Derived> identities = DerivedIdentities.of(observation);
        if (identities.size() == 1 && identities.get(0).trust().isEmpty()) {
            OutputFiles.write(file, List.of(new RenderedFile("", DerivedPolicy.json(observation))));
            return;
        }
        // one policy per identity: FILE for the first that signed, FILE-NAME for each further one
        // (NAME its role or user name), and FILE[-NAME]-trust for a role whose assumption was observed
        List<RenderedFile> files = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < identities.size(); i++) {
            DerivedIdentities.Derived identity = identities.get(i);
            String suffix = i == 0 ? "" : "-" + identity.name();
            files.add(new RenderedFile(suffix, PolicyWriter.pretty(identity.policy())));
            descriptions.add("the policy of " + identity.principalArn());
            if (identity.trust().isPresent()) {
                files.add(new RenderedFile(suffix + "-trust", identity.trust().get().pretty()));
                descriptions.add("the trust " + identity.principalArn() + " needed");
            }
        }
        List<Path> written = OutputFiles.write(file, files);
        for (int i = 0; i < written.size(); i++) {
            err.println("policygen observe: derived " + written.get(i) + ": " + descriptions.get(i));
        }
        err.flush();
    }

    /** 1 for a denial, else the command's status mapped: 0 stays 0, anything else is 4. */
    private static int exitCode(Observation observation, int commandExit, PrintWriter err) {
        List<ObservedCall> denied = observation.denied();
        if (!denied.isEmpty()) {
            ObservedCall first = denied.get(0);
            err.println("policygen observe: " + denied.size() + (denied.size() == 1 ? " call was" : " calls were")
                    + " denied, first " + first.action() + " on " + first.resource()
                    + (commandExit == 0 ? "" : "; the command exited with status " + commandExit));
            err.flush();
            return ExitCode.FINDINGS;
        }
        if (commandExit != 0) {
            err.println("policygen observe: the command exited with status " + commandExit);
            err.flush();
            return ExitCode.REMOTE;
        }
        return ExitCode.OK;
    }
}
