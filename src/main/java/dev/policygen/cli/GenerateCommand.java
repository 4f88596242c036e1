package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.format.OutputFormat;
import dev.policygen.format.RenderedFile;
import dev.policygen.generate.Explanation;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.NamedDocument;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Print the least-privilege IAM policy an ACME client needs to pass DNS-01 on Route 53.",
        footer = {"%nExample:%n  policygen --client traefik --zone Z11111112222222333333 --domain example.com "
                + "--domain '*.example.com'%n",
                "Exit codes: 0 written, 2 bad option value, 3 output cannot be written."})
class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--client", required = true, paramLabel = "CLIENT",
            description = "ACME client profile: lego (alias traefik), acme.sh, certbot, letsencrypt-aws, "
                    + "cert-manager, caddy, policygen; deliver for policygen deliver (destinations only). List them "
                    + "with 'policygen clients'.")
    String client;

    @Mixin
    RequestScopeOptions scope = new RequestScopeOptions();

    @Option(names = "--source-ip", paramLabel = "CIDR",
            description = "Deny everything unless the request comes from this address or block. Repeatable.")
    List<String> sourceIps = new ArrayList<>();

    @Option(names = "--source-vpce", paramLabel = "VPCE_ID",
            description = "Deny everything unless the request comes through this VPC endpoint. Repeatable.")
    List<String> sourceVpces = new ArrayList<>();

    @Option(names = "--source-vpc", paramLabel = "VPC_ID",
            description = "Deny everything unless the request comes from this VPC. Repeatable.")
    List<String> sourceVpcs = new ArrayList<>();

    @Option(names = "--separate-deny", description = "Write the network deny as a second policy document.")
    boolean separateDeny;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, terraform (aws_iam_policy_document data source) or cloudformation "
                    + "(AWS::IAM::ManagedPolicy in YAML). Default: ${DEFAULT-VALUE}.")
    String format = "json";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output. Several JSON documents go to "
                    + "FILE with -1, -2 or -network-deny before the extension. A replaced file keeps its mode "
                    + "(and owner, as root); a new one gets 0666 less the umask; a FIFO or device such as "
                    + "/dev/stdout is written through, never replaced.")
    Path output;

    @Option(names = "--minify", description = "JSON on one line.")
    boolean minify;

    @Option(names = "--limit", paramLabel = "KIND",
            description = "Size quota to respect: managed (6144), role-inline (10240), user-inline (2048), "
                    + "group-inline (5120) characters. Default: ${DEFAULT-VALUE}.")
    String limit = "managed";

    @Option(names = "--split", description = "Over the limit, write several documents that together grant the same.")
    boolean split;

    @Option(names = "--explain", description = "Say on standard error which client behaviour needs each statement.")
    boolean explain;

    @Option(names = "--dns-account", paramLabel = "ACCOUNT_ID",
            description = "The zones are in this other account: also write a role there (Route 53 permissions, "
                    + "trusting exactly the --runtime role), and give the --runtime role only sts:AssumeRole on it "
                    + "and the calls outside Route 53. Needs --runtime (not user) and a client that can assume a "
                    + "role; --explain prints the client setting.")
    String dnsAccount;

    @Option(names = "--dns-role-name", paramLabel = "NAME",
            description = "Name of the role in --dns-account. Default: CLIENT-dns01-zone-writer.")
    String dnsRoleName;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command's work, with the writers given; {@link GenerateFastPath} calls it without picocli. */
    int execute(PrintWriter out, PrintWriter err) throws Exception {
        GenerateRequest request = request();
        OutputFormat outputFormat = OutputFormat.parse(format);
        if (minify && outputFormat != OutputFormat.JSON) {
            throw new UsageException("--minify", "--minify applies to --format json only");
        }
        SizeLimit sizeLimit = SizeLimit.parse(limit);
        GeneratedPolicy policy = PolicyGenerator.generate(request);
        List<NamedDocument> documents;
        List<RenderedFile> files;
        if (request.dnsAccount().isPresent()) {
            DnsAccountOutput roles = DnsAccountOutput.of(request, policy, sizeLimit, separateDeny, split);
            documents = roles.largestDocumentList();
            files = roles.render(outputFormat, minify, description(request), sizeLimit);
        } else {
            documents = PolicyPackager.pack(policy, sizeLimit, separateDeny, split);
            files = request.role().isPresent()
                    ? RoleOutput.render(request, documents, outputFormat, minify, description(request), sizeLimit)
                    : outputFormat.render(documents, minify, description(request));
        }
        if (explain) {
            explain(err, policy);
            if (request.role().isPresent()) {
                RoleOutput.explain(err, request);
            }
            if (request.dnsAccount().isPresent()) {
                DnsAccountOutput.explain(err, request);
            }
        }
        if (!sizeLimit.aggregate() && documents.size() > SizeLimit.DEFAULT_ATTACHED_MANAGED_POLICIES) {
            err.println("policygen: warning: " + documents.size() + " documents exceed the default quota of "
                    + SizeLimit.DEFAULT_ATTACHED_MANAGED_POLICIES + " managed policies per principal");
        }
        if (output == null) {
            for (RenderedFile file : files) {
                out.print(file.text());
            }
            out.flush();
        } else {
            List<Path> removed = new ArrayList<>();
            for (Path written : OutputFiles.writeReplacingEarlierRun(output, files, removed)) {
                err.println("policygen: wrote " + written);
            }
            for (Path stale : removed) {
                err.println("policygen: removed " + stale + ", written by an earlier run and not by this one");
            }
        }
        return ExitCode.OK;
    }

    /** The request these options describe, checked by the one binder every command shares. */
    GenerateRequest request() throws UsageException {
        return scope.requestOptions(client)
                .sourceIps(sourceIps)
                .sourceVpcEndpoints(sourceVpces)
                .sourceVpcs(sourceVpcs)
                .separateDeny(separateDeny)
                .dnsAccount(dnsAccount)
                .dnsRoleName(dnsRoleName)
                .builder()
                .build();
    }

    static String description(GenerateRequest request) {
        return "Least-privilege ACME DNS-01 policy for " + request.profile().client()
                + ": TXT challenge records only";
    }

    private static void explain(PrintWriter err, GeneratedPolicy policy) {
        for (Explanation explanation : policy.explanations()) {
            err.println(explanation.sid() + " (" + explanation.summary() + ")");
            for (String reason : explanation.reasons()) {
                err.println("  - " + reason);
            }
        }
        for (String note : policy.profile().notes()) {
            err.println("note: " + note);
        }
        err.flush();
    }
}
