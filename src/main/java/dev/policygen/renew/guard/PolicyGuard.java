package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.model.PolicyDocument;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every AWS request the renewer is about to make against its policy (the files given with
 * {@code --policy}, or the one generate makes for the config), so a request the policy would deny
 * is stopped before it is sent, with the generate command line that would allow it.
 */
public final class PolicyGuard {
    /** What the start line and a denial name as the policy of a delivery that needs none. */
    public static final String NO_POLICY = "none (these destinations send no AWS request)";

    private final PolicyEvaluator evaluator;
    /** The statements' name groups, which renew's batches keep to. */
    private final ChangeGroups groups;
    /** The renew policy, widened for the suggestion on a denial; null when guarding a delivery alone. */
    private final RenewPolicy policy;
    /** The generate line of the policy the run needs, named on a denial. */
    private final String commandLine;
    /** The generate line of a policy that allows a denied call: its own line, or a role's with --dns-account. */
    private final LineOf lineOf;
    /** The guards of zones reached through a role in another account: their calls are that role's. */
    private final Map<HostedZoneId, PolicyGuard> zoneGuards;

    private PolicyGuard(List<PolicyDocument> documents, RenewPolicy policy, String commandLine, LineOf lineOf,
            Map<HostedZoneId, PolicyGuard> zoneGuards) {
        this(PolicyEvaluator.of(documents), ChangeGroups.of(documents), policy, commandLine, lineOf, zoneGuards);
    }

    private PolicyGuard(PolicyEvaluator evaluator, ChangeGroups groups, RenewPolicy policy, String commandLine,
            LineOf lineOf, Map<HostedZoneId, PolicyGuard> zoneGuards) {
        this.evaluator = evaluator;
        this.groups = groups;
        this.policy = policy;
        this.commandLine = commandLine;
        this.lineOf = lineOf;
        this.zoneGuards = Map.copyOf(zoneGuards);
    }

    /** How a policy's generate line is written for a denial's suggestion. */
    @FunctionalInterface
    public interface LineOf {
        String line(RenewPolicy policy) throws UsageException;
    }

    /**
     * This guard for the run's own calls, and {@code zoneGuards} for the calls about each of those zones (a zone
     * in another account, whose calls are made as its role and judged by that role's policy).
     */
    public PolicyGuard withZoneGuards(Map<HostedZoneId, PolicyGuard> zoneGuards) {
        return new PolicyGuard(evaluator, groups, policy, commandLine, lineOf, zoneGuards);
    }

    /** Guards with the given policy documents; {@code policy} supplies the suggestion on denial. */
    public static PolicyGuard of(List<PolicyDocument> documents, RenewPolicy policy) {
        return new PolicyGuard(documents, policy, policy.commandLine(), RenewPolicy::commandLine,
                Map.of());
    }

    /**
     * Guards a role's zones (in another account) with the role's documents. The suggestion on a denial is the
     * line that writes the role's policy ({@code lineOf}: the {@code dns-role-policy} line, with
     * {@code --dns-account}), not the plain line of {@code policy}, which would write a policy for the workload
     * role and leave the role that makes the call as it was.
     */
    public static PolicyGuard ofRole(List<PolicyDocument> documents, RenewPolicy policy, LineOf lineOf)
            throws UsageException {
        return new PolicyGuard(documents, policy, lineOf.line(policy), lineOf, Map.of());
    }

    /** Guards policygen deliver with the given documents; a denial names the delivery's own generate line. */
    public static PolicyGuard of(List<PolicyDocument> documents, DeliverPolicy policy) {
        return new PolicyGuard(documents, null, policy.commandLine(), RenewPolicy::commandLine,
                Map.of());
    }

    /**
     * Guards a policygen deliver whose destinations make no AWS request ({@code files} only): nothing is
     * allowed, so a request the delivery should never make is refused rather than sent.
     */
    public static PolicyGuard allowingNothing() {
        return new PolicyGuard(List.of(), null, NO_POLICY, RenewPolicy::commandLine, Map.of());
    }

    /** Guards policygen deliver with the policy generate makes for its destinations. */
    public static PolicyGuard generated(DeliverPolicy policy) throws UsageException {
        return of(List.of(policy.document()), policy);
    }

    /** Guards with the policy generate makes for the config. */
    public static PolicyGuard generated(RenewPolicy policy) throws UsageException {
        return of(List.of(policy.document()), policy);
    }

    /**
     * The name group of the one name {@code call} changes ({@link ChangeGroups}): two names may share a
     * batch only when their groups are equal. The zone's own guard answers for a zone reached through a role.
     */
    public int changeGroup(IntendedCall call) {
        if (call.zone().isPresent() && zoneGuards.containsKey(call.zone().get())) {
            return zoneGuards.get(call.zone().get()).changeGroup(call);
        }
        return groups.groupOf(call);
    }

    /** Returns when the policy allows the call; throws, without anything sent, when it does not. */
    public void check(IntendedCall call) throws GuardException {
        if (call.zone().isPresent() && zoneGuards.containsKey(call.zone().get())) {
            zoneGuards.get(call.zone().get()).check(call);
            return;
        }
        Evaluation evaluation = evaluator.evaluate(call.accessRequest());
        if (evaluation.decision().allowed()) {
            return;
        }
        Optional<String> mixed = mixedGroups(call);
        if (mixed.isPresent()) {
            throw new GuardException("the policy denies " + call.describe() + "; " + mixed.get());
        }
        if (policy == null) {
            throw new GuardException("the policy denies " + call.describe() + "; the destinations need it, and "
                    + "their policy is made by: " + commandLine);
        }
        Optional<RenewPolicy> allowing = allowingPolicy(call);
        Optional<String> allowingLine = Optional.empty();
        try {
            if (allowing.isPresent()) {
                allowingLine = Optional.of(lineOf.line(allowing.get()));
            }
        } catch (UsageException e) {
            // a line generate would refuse is no suggestion; the fallback below explains instead
        }
        String remedy = allowingLine
                .map(line -> "; allowed by: " + line)
                .orElse(call.action().startsWith("route53:")
                        ? "; no policy generate makes for policygen allows it (only TXT records at _acme-challenge "
                                + "names, changed with CREATE or DELETE)"
                        : "; the config's destinations and account key do not need it; their policy is made by: "
                                + commandLine);
        throw new GuardException("the policy denies " + call.describe() + remedy);
    }

    /**
     * Why a change batch whose every name the policy allows alone is denied: its names are in the groups
     * of two or more statements, and IAM judges each statement on its own (ForAllValues wants every name
     * of the batch in the one statement). Empty when that is not why.
     */
    private Optional<String> mixedGroups(IntendedCall call) {
        if (call.zone().isEmpty() || call.changes().size() < 2) {
            return Optional.empty();
        }
        Set<Integer> seen = new TreeSet<>();
        for (RecordChange change : call.changes()) {
            int group = groups.groupOf(new IntendedCall(call.action(), call.resource(), call.zone(),
                    List.of(new RecordChange("DELETE", "TXT", change.normalizedName()),
                            new RecordChange("CREATE", "TXT", change.normalizedName()))));
            if (group == ChangeGroups.NONE) {
                return Optional.empty();
            }
            seen.add(group);
        }
        return seen.size() < 2 ? Optional.empty() : Optional.of("each name is allowed alone, but by " + seen.size()
                + " different statements (name groups), and IAM judges each statement on its own: a batch holds the"
                + " names of one statement only");
    }

    /**
     * The config's policy, widened as little as generate can: the names the batch writes added as
     * certificate names in the batch's zone, then zone discovery. Empty when no such policy allows it.
     */
    private Optional<RenewPolicy> allowingPolicy(IntendedCall call) {
        RenewPolicy wider = policy;
        try {
            if (call.zone().isPresent()) {
                for (RecordChange change : call.changes()) {
                    String prefix = Route53Names.CHALLENGE_PREFIX;
                    if (!change.normalizedName().startsWith(prefix)) {
                        return Optional.empty();
                    }
                    CertificateName name = CertificateName.parse(change.normalizedName().substring(prefix.length()));
                    wider = wider.withDomain(name, call.zone().get());
                }
            }
            for (RenewPolicy candidate : List.of(wider, wider.discoveringZones())) {
                PolicyEvaluator evaluator = PolicyEvaluator.of(List.of(candidate.document()));
                if (evaluator.evaluate(call.accessRequest()).decision().allowed()) {
                    return Optional.of(candidate);
                }
            }
        } catch (UsageException e) {
            // a name generate cannot take (such as one that is not a host name) has no allowing policy
            return Optional.empty();
        }
        return Optional.empty();
    }
}
