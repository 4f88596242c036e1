package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.format.RenderedFile;
import dev.policygen.format.RoleDocuments;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.identity.Identity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code policygen trust}: generate's options, and only the role's trust policy as JSON, the document
 * {@code aws iam create-role --assume-role-policy-document} takes. The options are generate's (this
 * command inherits them), so both bind them through the same {@code request()}.
 */
@Command(name = "trust",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Print only the trust policy of the role generate --runtime writes (JSON, for "
                + "aws iam create-role --assume-role-policy-document); with --dns-account, then the DNS role's "
                + "(-o FILE.json: FILE.json and FILE-dns-role.json).",
        footer = {"%nExample:%n  policygen trust --client cert-manager --zone Z11111112222222333333 --domain "
                + "example.com --runtime eks-irsa --aws-account 111122223333 --oidc-provider "
                + "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE --service-account "
                + "cert-manager/cert-manager%n",
                "Exit codes: 0 written, 2 bad option value, 3 output cannot be written."})
final class TrustCommand extends GenerateCommand {

    @Override
    int execute(PrintWriter out, PrintWriter err) throws Exception {
        GenerateRequest request = request();
        if (request.role().isEmpty()) {
            throw new UsageException(scope.runtime == null ? "trust" : scope.runtime, "trust needs --runtime KIND (ec2, ecs-task, "
                    + "lambda, eks-irsa, eks-pod-identity, github-actions or role): runtime user has no role");
        }
        if (!format.equals("json")) {
            throw new UsageException(format, "trust writes JSON only (--format json); use generate --format " + format
                    + " for the whole role");
        }
        Identity identity = RoleOutput.identity(request);
        List<RenderedFile> files = new ArrayList<>();
        files.add(new RenderedFile("", text(identity)));
        if (request.dnsAccount().isPresent()) {
            // the workload role's trust first, then the DNS role's: -o FILE.json gives FILE-dns-role.json too
            files.add(new RenderedFile(RoleDocuments.DNS_ROLE_SUFFIX, text(DnsAccountOutput.dnsRole(request))));
        }
        if (explain) {
            RoleOutput.explain(err, request);
            if (request.dnsAccount().isPresent()) {
                DnsAccountOutput.explain(err, request);
            }
        }
        if (output == null) {
            for (RenderedFile file : files) {
                out.print(file.text());
            }
            out.flush();
        } else {
            for (Path written : OutputFiles.write(output, files)) {
                err.println("policygen: wrote " + written);
            }
        }
        return ExitCode.OK;
    }

    private String text(Identity identity) {
        return minify ? identity.trust().minified() + "\n" : identity.trust().pretty();
    }
}
