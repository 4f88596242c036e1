package dev.policygen.explain;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.UsageException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.eval.StatementRef;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateCommandLine;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.RequestOptions;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.route53.Arn;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Explains refused requests. With policies, each request is evaluated as {@code simulate} does (decision,
 * deciding statement, the condition that failed). Then the request is held to what an ACME client needs:
 * a ChangeResourceRecordSets batch of TXT records at {@code _acme-challenge.} names, or another call the
 * client's profile makes. Such a request gets the generate line whose policy allows it (checked by
 * evaluating the request against that very policy); any other is called outside what a client needs, with
 * the statement that is right to refuse it.
 */
public final class Explainer {
    /** Stand-ins while building a request for parts the input does not carry; printed as the words below. */
    private static final String ZONE_STAND_IN = "ZEXPLAINZONEUNKNOWN";
    private static final String DOMAIN_STAND_IN = "domain.explain.invalid";
    private static final String ZONE_WORD = "ZONEID";
    private static final String DOMAIN_WORD = "DOMAIN";
    private static final String SOURCE_IP = "aws:SourceIp";
    private static final String TXT = "TXT";

    private final List<CompiledPolicy> policies;
    private final Optional<String> client;

    /** {@code policies} may be empty (no --policy); {@code client} is --client. */
    public Explainer(List<CompiledPolicy> policies, Optional<String> client) {
        this.policies = List.copyOf(policies);
        this.client = client;
    }

    /** The report for every request, and whether the given policies deny any of them. */
    public record Report(String text, boolean denied) {
    }

    /**
     * @throws UsageException for a --client generate does not know
     * @throws InputException for an input value policygen cannot use, such as an unknown partition
     */
    public Report explain(List<DeniedRequest> requests) throws UsageException, InputException {
        StringBuilder out = new StringBuilder();
        boolean denied = false;
        for (int i = 0; i < requests.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            denied |= explain(requests.get(i), i + 1, out);
        }
        // a statement quoted from a policy built with a stand-in names the word the user sees in the line
        return new Report(out.toString().replace(DOMAIN_STAND_IN, DOMAIN_WORD).replace(ZONE_STAND_IN, ZONE_WORD), denied);
    }

    private boolean explain(DeniedRequest request, int number, StringBuilder out)
            throws UsageException, InputException {
        boolean changesRecords = request.action().equals(Route53Names.CHANGE_RECORD_SETS);
        out.append("Request ").append(number).append(" (").append(request.origin()).append("): ")
                .append(request.action()).append(" on ").append(request.resource().orElse("*")).append('\n');
        request.principal().ifPresent(p -> line(out, "principal", p));
        request.sourceIp().ifPresent(ip -> line(out, "source IP", ip));
        request.userAgent().ifPresent(agent -> line(out, "user agent", agent));
        request.error().ifPresent(error -> line(out, "AWS said", error));
        if (changesRecords && request.recordsKnown()) {
            for (RecordChange change : request.changes()) {
                line(out, "change", change.action() + " " + change.type() + " " + change.normalizedName());
            }
        } else if (changesRecords) {
            line(out, "records", "unknown: an error text names the zone but not the record names, types or actions"
                    + " of the batch (CloudTrail's record of the call has them)");
        }
        Partition partition = partition(request);
        Optional<AccessRequest> access = accessRequest(request, partition);
        boolean denied = false;
        Optional<Evaluation> given = Optional.empty();
        if (!policies.isEmpty()) {
            if (access.isPresent()) {
                Evaluation evaluation = new PolicyEvaluator(policies).evaluate(access.get());
                given = Optional.of(evaluation);
                denied = !evaluation.decision().allowed();
                line(out, "decision", evaluation.decision().json() + " under --policy");
                for (StatementRef ref : evaluation.deciding()) {
                    line(out, "decided by", ref.describe());
                }
                if (evaluation.decision() == Decision.IMPLICIT_DENY) {
                    line(out, "decided by", "no statement allows it");
                }
                failed(evaluation).ifPresent(m -> line(out, "failed", m.statement().describe() + ": "
                        + m.element().json() + ": " + m.reason()));
            } else {
                line(out, "decision", "not evaluated: the policies' record conditions need the record names,"
                        + " types and actions");
                List<StatementRef> reached = StatementsReached.of(policies, request.action(),
                        request.resource().orElse("*"));
                line(out, "statements for this call", reached.isEmpty() ? "none: no statement's Action and Resource reach it"
                        : String.join("; ", reached.stream().map(StatementRef::describe).toList())
                                + " (compare their conditions with the records the client wrote)");
            }
        }
        ClientGuess guess = ClientGuess.of(client, request.userAgent());
        line(out, "client", guess.client() + " (" + guess.how() + ")");
        List<String> outside = outsideReasons(request);
        GenerateRequest generate = generateRequest(guess.client(), request, partition);
        if (outside.isEmpty() && access.isPresent()) {
            Evaluation underGenerated = evaluateGenerated(generate, access.get());
            if (!underGenerated.decision().allowed()) {
                outside.add(guess.client() + " never makes this call (the policy generate writes for it does not"
                        + " allow it)");
            }
        }
        // the user's policy names the statement when it refuses; otherwise the generated policy does
        boolean givenIsGenerated = false;
        if (!outside.isEmpty() && access.isPresent() && given.filter(e -> !e.decision().allowed()).isEmpty()) {
            given = Optional.of(evaluateGenerated(generate, access.get()));
            givenIsGenerated = true;
        }
        if (!outside.isEmpty()) {
            line(out, "outside what an ACME client needs", String.join("; ", outside));
            String policyNames = givenIsGenerated ? "the policy generate writes for " + guess.client() : "--policy";
            line(out, "right to refuse it", given.map(e -> refusal(e, request.action(), policyNames))
                    .orElse("any policy that does not grant " + request.action()));
            return denied;
        }
        line(out, "allow it with", commandLine(generate));
        List<String> unknown = new ArrayList<>();
        if (request.zoneId().isEmpty()) {
            unknown.add(ZONE_WORD + " is the hosted zone, which the input does not name");
        }
        if (!request.recordsKnown()) {
            unknown.add(DOMAIN_WORD + " is each certificate name (its challenge record is _acme-challenge.DOMAIN),"
                    + " which the input does not carry");
        }
        if (!unknown.isEmpty()) {
            line(out, "fill in", String.join("; ", unknown));
        }
        return denied;
    }

    /**
     * Why a request is no ACME client's: a changed record not under {@code _acme-challenge.} or not TXT.
     * A mutable list: the caller adds the client's own refusal.
     */
    private static List<String> outsideReasons(DeniedRequest request) {
        List<String> reasons = new ArrayList<>();
        for (RecordChange change : request.changes()) {
            if (!change.normalizedName().startsWith(Route53Names.CHALLENGE_PREFIX)) {
                reasons.add(change.normalizedName() + " is not a challenge name (" + Route53Names.CHALLENGE_PREFIX
                        + "DOMAIN)");
            } else {
                String domain = change.normalizedName().substring(Route53Names.CHALLENGE_PREFIX.length());
                try {
                    DomainRequest.parse(domain);
                } catch (UsageException e) {
                    reasons.add(change.normalizedName() + " is no certificate name's challenge name (" + e.getMessage()
                            + ")");
                }
            }
            if (!change.type().equals(TXT)) {
                reasons.add(change.type() + " record " + change.normalizedName() + ": DNS-01 writes TXT records only");
            }
        }
        return reasons;
    }

    /** The statement to name: an explicit deny, else the first statement the action reached but a condition
     * or the resource stopped, else the first that did not apply. */
    private static String refusal(Evaluation evaluation, String action, String policies) {
        if (evaluation.decision() == Decision.EXPLICIT_DENY) {
            return evaluation.deciding().get(0).describe();
        }
        return failed(evaluation).map(m -> m.statement().describe() + ": " + m.element().json() + ": " + m.reason())
                .orElse("no statement of " + policies + " grants " + action);
    }

    private static Optional<Mismatch> failed(Evaluation evaluation) {
        if (evaluation.decision() != Decision.IMPLICIT_DENY) {
            return Optional.empty();
        }
        for (Mismatch.Element element : List.of(Mismatch.Element.CONDITION, Mismatch.Element.RESOURCE,
                Mismatch.Element.NOT_RESOURCE)) {
            for (Mismatch mismatch : evaluation.notApplied()) {
                if (mismatch.element() == element) {
                    return Optional.of(mismatch);
                }
            }
        }
        return Optional.empty();
    }

    private static Evaluation evaluateGenerated(GenerateRequest generate, AccessRequest access) throws UsageException {
        GeneratedPolicy policy = PolicyGenerator.generate(generate);
        List<Statement> statements = new ArrayList<>(policy.allow());
        policy.deny().ifPresent(statements::add);
        CompiledPolicy compiled = CompiledPolicy.compile(PolicyDocument.of(statements), 0,
                "the policy generate writes for " + generate.profile().client() + ",");
        return new PolicyEvaluator(List.of(compiled)).evaluate(access);
    }

    /**
     * The generate request for the client: the request's zone and, for each challenge name of the batch,
     * its certificate name (a wildcard shares its apex's challenge name, so the apex covers both). A name
     * that is no challenge name is given as the certificate name itself, so the generated policy exists
     * and its statement can say why it refuses the change.
     */
    private static GenerateRequest generateRequest(String client, DeniedRequest request, Partition partition)
            throws UsageException {
        Set<String> domains = new LinkedHashSet<>();
        for (RecordChange change : request.changes()) {
            String name = change.normalizedName();
            String domain = name.startsWith(Route53Names.CHALLENGE_PREFIX)
                    ? name.substring(Route53Names.CHALLENGE_PREFIX.length()) : name;
            try {
                DomainRequest.parse(domain);
                domains.add(domain);
            } catch (UsageException e) {
                // no certificate has this name (outsideReasons says why); the stand-in keeps a policy to judge by
                domains.add(DOMAIN_STAND_IN);
            }
        }
        if (domains.isEmpty()) {
            domains.add(DOMAIN_STAND_IN);
        }
        return new RequestOptions(client)
                .partition(partition.id())
                .zones(List.of(request.zoneId().orElse(ZONE_STAND_IN)))
                .domains(List.copyOf(domains))
                .builder().build();
    }

    private static String commandLine(GenerateRequest generate) {
        List<String> arguments = new ArrayList<>();
        for (String argument : generate.toArguments()) {
            arguments.add(argument.equals(ZONE_STAND_IN) ? ZONE_WORD
                    : argument.equals(DOMAIN_STAND_IN) ? DOMAIN_WORD : argument);
        }
        return GenerateCommandLine.of(arguments);
    }

    /**
     * The request as IAM sees it, when the input says enough: a change batch needs its records (the
     * conditions test them), any other call needs only its action and resource.
     */
    private static Optional<AccessRequest> accessRequest(DeniedRequest request, Partition partition)
            throws UsageException {
        List<ContextValue> context = new ArrayList<>();
        request.sourceIp().ifPresent(ip -> context.add(ContextValue.single(SOURCE_IP, ip)));
        if (request.action().equals(Route53Names.CHANGE_RECORD_SETS)) {
            if (!request.recordsKnown() || request.zoneId().isEmpty() || request.changes().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(ChangeBatch.request(partition, HostedZoneId.parse(request.zoneId().get()),
                    request.changes(), context));
        }
        return Optional.of(new AccessRequest(request.action(), request.resource().orElse("*"),
                RequestContext.of(context)));
    }

    /** The partition of the input's ARN: one policygen does not know is the input's problem (exit 3), not a usage error. */
    private static Partition partition(DeniedRequest request) throws InputException {
        Arn arn = request.resource().map(Arn::parse).orElse(null);
        try {
            return arn == null ? Partition.AWS : Partition.parse(arn.partition());
        } catch (UsageException e) {
            throw new InputException(request.origin(), SourcePosition.UNKNOWN, "resource " + request.resource().get()
                    + ": " + e.getMessage());
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append("  ").append(label).append(": ").append(value).append('\n');
    }
}
