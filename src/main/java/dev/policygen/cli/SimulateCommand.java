package dev.policygen.cli;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.EvaluationReport;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.chain.Caller;
import dev.policygen.eval.chain.ChainEvaluation;
import dev.policygen.eval.chain.ChainEvaluator;
import dev.policygen.eval.chain.ChainReport;
import dev.policygen.eval.chain.LayeredEvaluation;
import dev.policygen.eval.chain.LayeredEvaluator;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.eval.chain.LayeredReport;
import dev.policygen.eval.chain.ResourceControlPolicyReader;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.eval.RequestContext;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import dev.policygen.route53.StsNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Evaluate identity policies against one request, offline, and explain the decision.",
        footer = {"%nExamples:%n  policygen simulate --policy p.json --zone Z111 --change UPSERT:TXT:_acme-challenge.example.com",
                "  policygen simulate --policy p.json --action route53:GetChange --resource arn:aws:route53:::change/C1%n",
                "Exit codes: 0 allowed, 1 denied, 2 bad option value, 3 policy file unreadable or invalid."})
final class SimulateCommand implements Callable<Integer> {
    /** Keys that are sets even when given one value (SAR; UG reference_policies_condition-keys). */
    private static final Set<String> MULTIVALUED_KEYS = Set.of(
            Route53Names.KEY_NAMES.toLowerCase(Locale.ROOT), Route53Names.KEY_TYPES.toLowerCase(Locale.ROOT),
            Route53Names.KEY_ACTIONS.toLowerCase(Locale.ROOT), "route53:vpcs", "aws:tagkeys", "aws:calledvia",
            "aws:principalservicenameslist");

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE",
            description = "An identity policy JSON file. Repeatable: all policies are evaluated together.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--permissions-boundary", paramLabel = "FILE",
            description = "The permissions boundary of the principal: it must allow too (issue 11).")
    Path permissionsBoundary;

    @Option(names = "--scp", paramLabel = "FILE",
            description = "A service control policy; each file is one organisation level and every level must allow. Repeatable.")
    List<Path> scps = new ArrayList<>();

    @Option(names = "--rcp", paramLabel = "FILE",
            description = "A resource control policy; each file is one organisation level and every level must allow. Repeatable.")
    List<Path> rcps = new ArrayList<>();

    @Option(names = "--session-policy", paramLabel = "FILE",
            description = "A session policy passed with AssumeRole: it must allow too.")
    Path sessionPolicy;

    @Option(names = "--trust-policy", paramLabel = "FILE",
            description = "The role's trust policy: simulate the chain caller -> sts:AssumeRole* -> the request as the role"
                    + " (--policy, --permissions-boundary, --scp, --rcp, --session-policy are then the role's).")
    Path trustPolicy;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "The role the chain assumes (with --trust-policy).")
    String roleArn;

    @Option(names = "--principal", paramLabel = "ARN",
            description = "The caller of sts:AssumeRole: a user or role ARN (its account decides same- or cross-account),"
                    + " or with --web-identity an OIDC provider ARN arn:aws:iam::ACCOUNT:oidc-provider/HOST.")
    String principal;

    @Option(names = "--caller-role", paramLabel = "ARN",
            description = "With a role session --principal (arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION): its role's"
                    + " ARN with the role's path, arn:aws:iam::ACCOUNT:role/PATH/NAME, which the session ARN does not"
                    + " carry. Default: the role at path /.")
    String callerRole;

    @Option(names = "--caller-policy", paramLabel = "FILE",
            description = "An identity policy of the caller (--principal). Repeatable.")
    List<Path> callerPolicies = new ArrayList<>();

    @Option(names = "--caller-permissions-boundary", paramLabel = "FILE",
            description = "The permissions boundary of the caller (--principal, a user or role): it must allow"
                    + " sts:AssumeRole too, unless the caller is a user the role's same-account trust policy names.")
    Path callerPermissionsBoundary;

    @Option(names = "--assume-context", paramLabel = "KEY=VALUE[,VALUE...]",
            description = "A context key of the assume request (hop 1) such as aws:SourceAccount=ACCOUNT or"
                    + " aws:SourceArn=ARN for a service principal, or a session tag aws:RequestTag/KEY=VALUE (session"
                    + " tags make AWS authorize sts:TagSession as well). Repeatable.")
    List<String> assumeContextValues = new ArrayList<>();

    @Option(names = "--caller-scp", paramLabel = "FILE",
            description = "An SCP of the caller's account; each file one organisation level. Repeatable.")
    List<Path> callerScps = new ArrayList<>();

    @Option(names = "--web-identity", paramLabel = "CLAIM=VALUE[,CLAIM=VALUE...]",
            description = "The caller is a web identity: its token's claims (sub, aud, ...) become HOST:CLAIM keys,"
                    + " HOST taken from the --principal OIDC provider ARN.")
    String webIdentity;

    @Option(names = "--external-id", paramLabel = "ID", description = "The sts:ExternalId the caller sends.")
    String externalId;

    @Option(names = "--action", paramLabel = "ACTION", description = "The action, e.g. route53:GetChange.")
    String action;

    @Option(names = "--resource", paramLabel = "ARN", description = "The resource ARN, or * for actions without one.")
    String resource;

    @Option(names = "--context", paramLabel = "KEY=VALUE[,VALUE...]",
            description = "A request context key. Several values (or a known multivalued key such as "
                    + "aws:TagKeys) make a multivalued key; KEY= on a multivalued key is an empty set. Repeatable.")
    List<String> context = new ArrayList<>();

    @Option(names = "--zone", paramLabel = "ZONEID",
            description = "Route 53 shorthand: simulate ChangeResourceRecordSets on this hosted zone.")
    String zone;

    @Option(names = "--change", paramLabel = "ACTION:TYPE:NAME",
            description = "One change of the batch, e.g. UPSERT:TXT:_acme-challenge.example.com. Repeatable.")
    List<String> changes = new ArrayList<>();

    @Option(names = "--partition", paramLabel = "PARTITION", defaultValue = "aws",
            description = "Partition of the zone ARN: aws, aws-cn or aws-us-gov. Default: ${DEFAULT-VALUE}.")
    String partition;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Mixin
    DebugOption debugOption;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException(format, "unknown format \"" + format + "\"; use text or json");
        }
        AccessRequest request = request();
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            Path file = policies.get(i);
            compiled.add(CompiledPolicy.compile(PolicyReader.read(read(file), file.toString()), i, file.toString()));
        }
        if (trustPolicy != null) {
            return chain(request, compiled);
        }
        if (permissionsBoundary != null || sessionPolicy != null || !scps.isEmpty() || !rcps.isEmpty()) {
            return layered(request, compiled);
        }
        Evaluation evaluation = new PolicyEvaluator(compiled).evaluate(request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? EvaluationReport.json(request, evaluation)
                : EvaluationReport.text(request, evaluation));
        out.flush();
        return evaluation.decision().allowed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** Hop 1 the caller's AssumeRole under the trust policy, hop 2 the request as the role: eval.chain decides. */
    private int chain(AccessRequest request, List<CompiledPolicy> identity) throws InputException, UsageException {
        if (principal == null || roleArn == null) {
            throw new UsageException("--trust-policy", "--trust-policy needs --principal ARN and --role-arn ARN");
        }
        int index = identity.size();
        LayeredPolicies role = rolePolicies(identity, index);
        index += scps.size() + rcps.size() + 2;
        List<CompiledPolicy> caller = new ArrayList<>();
        for (Path file : callerPolicies) {
            caller.add(compile(file, index++));
        }
        List<CompiledPolicy> callerScpPolicies = new ArrayList<>();
        for (Path file : callerScps) {
            callerScpPolicies.add(compile(file, index++));
        }
        Optional<CompiledPolicy> callerBoundary = callerPermissionsBoundary == null ? Optional.empty()
                : Optional.of(compile(callerPermissionsBoundary, index++));
        CompiledPolicy trust = TrustPolicyCompiler.compile(read(trustPolicy), trustPolicy.toString(), index);
        LayeredPolicies callerLayers = new LayeredPolicies(List.of(), callerScpPolicies, caller, callerBoundary,
                Optional.empty());
        Caller who = callerRole == null ? new Caller(principal, webIdentity != null, callerLayers)
                : sessionCaller(callerLayers);
        List<ContextValue> assumeContext = new ArrayList<>();
        for (String option : assumeContextValues) {
            assumeContext.add(contextValue(option));
        }
        if (externalId != null) {
            assumeContext.add(ContextValue.single(StsNames.KEY_EXTERNAL_ID, externalId));
        }
        if (webIdentity != null) {
            String host = who.oidcHost().orElseThrow(() -> new UsageException(principal,
                    "--web-identity needs --principal arn:aws:iam::ACCOUNT:oidc-provider/HOST, not \"" + principal + "\""));
            for (String claim : webIdentity.split(",")) {
                int eq = claim.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException(claim, "--web-identity takes CLAIM=VALUE pairs such as sub=..., not \""
                            + claim + "\"");
                }
                assumeContext.add(ContextValue.single(host + ":" + claim.substring(0, eq), claim.substring(eq + 1)));
            }
        }
        ChainEvaluation evaluation = new ChainEvaluator(who, roleArn, trust, role).evaluate(assumeContext, request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? ChainReport.json(evaluation) : ChainReport.text(evaluation));
        out.flush();
        return evaluation.decision().allowed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    /** The role session {@code --principal} of the role {@code --caller-role}, path included. */
    private Caller sessionCaller(LayeredPolicies policies) throws UsageException {
        if (webIdentity != null) {
            throw new UsageException(callerRole, "--caller-role names the role of a role session --principal,"
                    + " not of a web identity");
        }
        try {
            return Caller.session(principal, callerRole, policies);
        } catch (IllegalArgumentException e) {
            throw new UsageException(callerRole, "--caller-role: " + e.getMessage());
        }
    }

    private LayeredPolicies rolePolicies(List<CompiledPolicy> identity, int first) throws InputException {
        int index = first;
        List<CompiledPolicy> scpPolicies = new ArrayList<>();
        for (Path file : scps) {
            scpPolicies.add(compile(file, index++));
        }
        List<CompiledPolicy> rcpPolicies = new ArrayList<>();
        for (Path file : rcps) {
            rcpPolicies.add(ResourceControlPolicyReader.compile(read(file), file.toString(), index++));
        }
        Optional<CompiledPolicy> boundary = permissionsBoundary == null ? Optional.empty()
                : Optional.of(compile(permissionsBoundary, index++));
        Optional<CompiledPolicy> session = sessionPolicy == null ? Optional.empty()
                : Optional.of(compile(sessionPolicy, index++));
        return new LayeredPolicies(rcpPolicies, scpPolicies, identity, boundary, session);
    }

    /** Identity policies under boundary, SCPs, RCPs and session policy: eval.chain decides. */
    private int layered(AccessRequest request, List<CompiledPolicy> identity) throws InputException {
        LayeredEvaluation evaluation = new LayeredEvaluator(rolePolicies(identity, identity.size())).evaluate(request);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? LayeredReport.json(request, evaluation)
                : LayeredReport.text(request, evaluation));
        out.flush();
        return evaluation.decision().allowed() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static CompiledPolicy compile(Path file, int index) throws InputException {
        return CompiledPolicy.compile(PolicyReader.read(read(file), file.toString()), index, file.toString());
    }

    private AccessRequest request() throws UsageException {
        List<ContextValue> values = new ArrayList<>();
        for (String option : context) {
            values.add(contextValue(option));
        }
        if (zone != null || !changes.isEmpty()) {
            if (action != null || resource != null) {
                throw new UsageException(zone, "use either --zone with --change or --action with --resource, not both");
            }
            if (zone == null || changes.isEmpty()) {
                throw new UsageException(zone, "--zone and --change go together: give the zone and at least one change");
            }
            List<RecordChange> batch = new ArrayList<>();
            for (String change : changes) {
                batch.add(RecordChange.parse(change));
            }
            return ChangeBatch.request(Partition.parse(partition), HostedZoneId.parse(zone), batch, values);
        }
        if (action == null || resource == null) {
            throw new UsageException("", "give --action and --resource, or --zone and --change");
        }
        if (!action.contains(":")) {
            throw new UsageException(action, "malformed action \"" + action + "\"; expected service:Action");
        }
        return new AccessRequest(action, resource, RequestContext.of(values));
    }

    private static ContextValue contextValue(String option) throws UsageException {
        int equals = option.indexOf('=');
        if (equals <= 0) {
            throw new UsageException(option, "malformed --context \"" + option + "\"; expected KEY=VALUE[,VALUE...]");
        }
        String key = option.substring(0, equals);
        String text = option.substring(equals + 1);
        boolean knownMulti = MULTIVALUED_KEYS.contains(key.toLowerCase(Locale.ROOT));
        if (text.isEmpty() && knownMulti) {
            return ContextValue.multi(key, List.of());
        }
        List<String> parts = Arrays.asList(text.split(",", -1));
        return parts.size() > 1 || knownMulti ? ContextValue.multi(key, parts) : ContextValue.single(key, text);
    }

    private static String read(Path file) throws InputException {
        return InputFiles.read(file, "policy");
    }
}
