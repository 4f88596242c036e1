package dev.policygen.cli;

import dev.policygen.PolicygenException;
import dev.policygen.UsageException;
import dev.policygen.aws.AccessAnalyzerChecks;
import dev.policygen.aws.AnalyzerSettings;
import dev.policygen.aws.CredentialSource;
import dev.policygen.aws.PolicyChecks;
import dev.policygen.aws.RetryPolicy;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Linter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.report.ReportFormat;
import dev.policygen.route53.AwsSyntax;
import dev.policygen.validate.SubmittedPolicy;
import dev.policygen.validate.Validation;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Check identity policies with AWS IAM Access Analyzer: ValidatePolicy on each policy and,"
                + " with a reference, CheckNoNewAccess (billed per call by AWS). Inputs are read as lint reads them.",
            "Needs AWS credentials with access-analyzer:ValidatePolicy (and access-analyzer:CheckNoNewAccess)."},
        footer = {"%nExamples:%n  policygen validate policy.json",
                "  policygen validate --client traefik --zone Z11111112222222333333 --domain example.com policy.json%n",
                "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 bad option, 3 unreadable file,"
                        + " 4 AWS failure (credentials, permission, throttling, service error)."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to check; - reads standard input.")
    List<String> files = new ArrayList<>();

    @Mixin
    ReportOptions reportOptions;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Policy JSON the checked policies must not exceed (CheckNoNewAccess).")
    String reference;

    @Option(names = "--client", paramLabel = "CLIENT",
            description = "Instead of --reference, compare with the policy generate prints for this client, "
                    + "--zone and --domain.")
    String client;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Hosted zone of the reference, as for generate. "
            + "Repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "DOMAIN[=ZONEID]",
            description = "Certificate name of the reference, as for generate. Repeatable.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Take credentials from this profile of the shared AWS files instead of the default chain"
                    + " (it wins over keys in the environment, as in the AWS CLI).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "Region of the Access Analyzer endpoint. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send requests to this URL instead.")
    String endpointUrl;

    @Mixin
    DebugOption debugOption;

    /** Tests swap in fixed credentials and short retry delays here; no option can. */
    UnaryOperator<AnalyzerSettings> adjustSettings = UnaryOperator.identity();

    @Override
    public Integer call() throws PolicygenException {
        if (files.isEmpty()) {
            throw new UsageException("", "give at least one FILE to validate (or - for standard input)");
        }
        ReportFormat reportFormat = reportOptions.format();
        Optional<Severity> threshold = reportOptions.threshold("error");
        AnalyzerSettings settings = adjustSettings.apply(settings());
        Optional<Validation.Reference> referencePolicy = referencePolicy();
        List<SubmittedPolicy> policies = new ArrayList<>();
        for (String file : files) {
            policies.addAll(SubmittedPolicy.extract(file, LintCommand.read(file)));
        }
        List<Finding> findings;
        try (PolicyChecks checks = AccessAnalyzerChecks.connect(settings)) {
            findings = Validation.run(checks, policies, referencePolicy);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(reportFormat.render(findings));
        out.flush();
        return Linter.reaches(findings, threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    private Optional<Validation.Reference> referencePolicy() throws PolicygenException {
        if (client == null && (!zones.isEmpty() || !domains.isEmpty())) {
            throw new UsageException("--zone", "--zone and --domain describe the reference: give --client too");
        }
        if (reference != null && client != null) {
            throw new UsageException(reference, "give either --reference or --client, not both");
        }
        if (reference != null) {
            return Optional.of(ReferencePolicy.fromFile(reference));
        }
        if (client != null) {
            return Optional.of(ReferencePolicy.generated(client, zones, domains));
        }
        return Optional.empty();
    }

    private AnalyzerSettings settings() throws UsageException {
        if (!AwsSyntax.isRegion(region)) {
            throw new UsageException(region, "invalid --region \"" + region + "\": expected a region such as us-east-1");
        }
        CredentialSource credentials = profile == null ? new CredentialSource.DefaultChain()
                : new CredentialSource.NamedProfile(profile);
        return new AnalyzerSettings(region, endpoint(), credentials, RetryPolicy.STANDARD);
    }

    private Optional<URI> endpoint() throws UsageException {
        if (endpointUrl == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpointUrl);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below with the accepted form
        }
        throw new UsageException(endpointUrl, "invalid --endpoint-url \"" + endpointUrl
                + "\": expected http://HOST[:PORT] or https://HOST[:PORT]");
    }
}
