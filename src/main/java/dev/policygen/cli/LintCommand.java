package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.generate.SizeLimit;
import dev.policygen.io.InputFiles;
import dev.policygen.lint.Finding;
import dev.policygen.lint.LintConfig;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Linter;
import dev.policygen.lint.Rule;
import dev.policygen.lint.Severity;
import dev.policygen.lint.Suppression;
import dev.policygen.lint.Suppressions;
import dev.policygen.lint.SyntaxProblem;
import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.report.ReportFormat;
import dev.policygen.lint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lint",
        resourceBundle = "dev.policygen.cli.LintHelp",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Check IAM policies for ACME DNS-01 on Route 53, and the trust policies of the roles that hold them:"
                + " policy JSON, aws iam get-policy-version and get-role output, terraform show -json plans,"
                + " CloudFormation templates (JSON or YAML).",
        footer = {"%nRules are described in docs/rules/<ID>.md.",
                "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 bad option, 3 a file that cannot be read or "
                        + "parsed (still reported as PG100) or a bad value in --config (a suppression without a reason or"
                        + " that matches nothing, reported after the findings)."})
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Files to check; - reads standard input.")
    List<String> files = new ArrayList<>();

    @Mixin
    ReportOptions reportOptions;

    @Option(names = "--ignore", paramLabel = "ID", description = "Do not run this rule. Repeatable.")
    List<String> ignore = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON settings: {\"ignore\": [\"PG204\"], \"failOn\": \"warning\", \"suppress\": [{\"rule\":"
                    + " \"PG204\", \"file\": \"iam/acme.json\", \"sid\": \"Acme\", \"reason\": \"...\"}]}; options override"
                    + " failOn. A suppression needs a reason; one that matches no finding in a file linted is an error.")
    Path config;

    @Option(names = "--limit", paramLabel = "KIND", defaultValue = "managed",
            description = "Size quota for PG402: managed, role-inline, user-inline or group-inline (a trust policy is"
                    + " held to its own, 2048). Default: ${DEFAULT-VALUE}.")
    String limit;

    @Option(names = "--skip-unrecognized",
            description = "Skip a FILE that is no policy, IAM output, Terraform plan or CloudFormation template"
                    + " (for whole-repository runs: the pre-commit hook, the GitHub Action).")
    boolean skipUnrecognized;

    @Option(names = "--list-rules", description = "Print every rule id, severity and summary, and exit.")
    boolean listRules;

    @Mixin
    ProfileDiffOptions profileDiffOptions;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws UsageException, InputException {
        PrintWriter out = spec.commandLine().getOut();
        if (listRules) {
            for (Rule rule : RuleRegistry.all()) {
                out.println(rule.id() + " " + rule.severity().label() + " " + rule.summary());
            }
            out.flush();
            return ExitCode.OK;
        }
        if (files.isEmpty()) {
            throw new UsageException("", "give at least one FILE to lint (or - for standard input)");
        }
        ReportFormat reportFormat = reportOptions.format();
        LintOptions options = new LintOptions(SizeLimit.parse(limit));
        Optional<ProfileDiff> diff = profileDiffOptions.diff();
        LintConfig settings = config == null ? LintConfig.NONE
                : LintConfig.read(read(config.toString()), config.toString(), RuleRegistry.ids());
        Optional<Severity> threshold = reportOptions.threshold(settings.failOn().orElse("error"));
        Set<String> ignored = new LinkedHashSet<>(settings.ignore());
        for (String id : ignore) {
            if (RuleRegistry.find(id).isEmpty()) {
                throw new UsageException(id, "unknown rule id \"" + id + "\" for --ignore; see --list-rules");
            }
            ignored.add(id);
        }
        List<LintedPolicy> policies = new ArrayList<>();
        List<String> linted = new ArrayList<>();
        Optional<InputException> unparsable = Optional.empty();
        for (String file : files) {
            String text = read(file);
            if (skipUnrecognized && !PolicyInputs.recognizes(file, text)) {
                continue;
            }
            linted.add(file);
            List<LintedPolicy> found = PolicyInputs.extract(file, text, options);
            policies.addAll(found);
            if (unparsable.isEmpty()) {
                unparsable = unparsable(found);
            }
        }
        Suppressions.Outcome outcome = Suppressions.apply(settings.suppress(),
                RuleRegistry.linter(ignored, diff).lint(policies), policies, linted, ignored);
        out.print(reportFormat.render(outcome.active(), outcome.suppressed()));
        out.flush();
        if (unparsable.isPresent()) {
            // as validate: a file that does not parse is a bad input file (3), not a finding about a
            // policy (1); the report above still carries it as PG100, for SARIF uploads
            throw unparsable.get();
        }
        if (!outcome.unmatched().isEmpty()) {
            // a stale suppression is a bad value in the config, after the report (for SARIF uploads)
            throw staleSuppression(outcome.unmatched(), config.toString());
        }
        return Linter.reaches(outcome.active(), threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * The failure for a file whose text does not parse at all. A JSON string inside a file that
     * parsed (a plan's or a template's policy) is that file's content, a finding like any other.
     */
    private static Optional<InputException> unparsable(List<LintedPolicy> found) {
        for (LintedPolicy policy : found) {
            if (policy.origin().isEmpty() && policy.syntaxProblem().isPresent()) {
                SyntaxProblem problem = policy.syntaxProblem().get();
                return Optional.of(new InputException(policy.file(), problem.position(), problem.message()));
            }
        }
        return Optional.empty();
    }

    private static InputException staleSuppression(List<Suppression> unmatched, String config) {
        Suppression first = unmatched.get(0);
        String more = unmatched.size() == 1 ? "" : " (and " + (unmatched.size() - 1) + " more)";
        return new InputException(config, first.position(), "the suppression of " + first.describe()
                + " matches no finding; remove it" + more);
    }

    /** The text of an input file, or of standard input for -. */
    static String read(String file) throws InputException {
        if (!file.equals("-")) {
            // no noun: lint reads policies, templates and plans alike
            return InputFiles.read(file, "");
        }
        // bounded like every input file, so an endless pipe ends in one line, not an OutOfMemoryError
        return InputFiles.read(System.in, "standard input", "");
    }
}
