package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.explain.DeniedRequest;
import dev.policygen.explain.ExplainInput;
import dev.policygen.explain.Explainer;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policygen explain}: parses options; the reading and explaining are {@code dev.policygen.explain}'s. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Explain an AccessDenied: read the error text a client printed (lego, certbot, acme.sh,"
                + " cert-manager, the AWS CLI, an SDK) or CloudTrail records (one record, a {\"Records\": [...]} file,"
                + " or aws cloudtrail lookup-events output), reconstruct each request (action, zone, principal,"
                + " source IP and, from CloudTrail, the records changed), evaluate it against --policy, and print"
                + " the policygen generate line that allows it, or say why no ACME client needs it."},
        footer = {"%nExamples:%n  policygen explain lego-error.txt --policy lego.json",
                "  aws cloudtrail lookup-events --lookup-attributes AttributeKey=EventName,"
                        + "AttributeValue=ChangeResourceRecordSets | policygen explain -",
                "%nWithout --client the client is read from CloudTrail's user agent where it names one"
                        + " (lego, certbot, botocore, aws-sdk-go, ...), else lego is shown.",
                "%nExit codes: 0 explained (and, with --policy, every request allowed), 1 a request --policy denies,"
                        + " 2 bad option value, 3 input or policy file unreadable, or the input is neither an"
                        + " AccessDenied text nor CloudTrail JSON."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE",
            description = "An identity policy JSON file to evaluate each request against, as simulate does."
                    + " Repeatable: all policies are evaluated together.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--client", paramLabel = "CLIENT",
            description = "The ACME client whose generate line to print (a profile name or alias, as generate's"
                    + " --client). Default: read from CloudTrail's user agent, else lego.")
    String client;

    @Parameters(paramLabel = "INPUT", arity = "0..1", defaultValue = "-",
            description = "The error text or CloudTrail JSON; - (the default) reads standard input.")
    String input;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        String text = input.equals("-") ? InputFiles.read(System.in, "standard input", "explain input")
                : InputFiles.read(input, "explain input");
        List<DeniedRequest> requests = ExplainInput.read(text, input.equals("-") ? "standard input" : input);
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            compiled.add(compile(policies.get(i), i));
        }
        Explainer.Report report = new Explainer(compiled, Optional.ofNullable(client)).explain(requests);
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.text());
        out.flush();
        return report.denied() ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private static CompiledPolicy compile(Path file, int index) throws InputException {
        return CompiledPolicy.compile(PolicyReader.read(InputFiles.read(file, "policy"), file.toString()), index,
                file.toString());
    }
}
