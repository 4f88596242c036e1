package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.model.ConditionOperator;
import dev.policygen.model.Effect;
import dev.policygen.model.OperatorName;
import dev.policygen.model.Statement;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.CnameBehaviour;
import dev.policygen.profile.ProfileCall;
import dev.policygen.profile.Purpose;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a request into least-privilege statements. Pure and deterministic: the same request always
 * gives the same statements, in purpose order, with stable Sids and sorted values.
 */
public final class PolicyGenerator {
    public static final String DENY_SID = "DenyOutsideAllowedNetworks";
    private static final ConditionOperator ALL_EQUAL =
            ConditionOperator.of(ConditionOperator.SetQualifier.FOR_ALL_VALUES, OperatorName.STRING_EQUALS);

    private PolicyGenerator() {
    }

    public static GeneratedPolicy generate(GenerateRequest request) throws UsageException {
        ClientProfile profile = request.profile();
        checkOptions(request);
        ChallengeRecords records = ChallengeRecords.plan(request);
        List<String> zoneArns = new ArrayList<>();
        for (HostedZoneId zone : records.namesByZone().keySet()) {
            zoneArns.add(request.partition().hostedZoneArn(zone));
        }

        List<Statement> statements = new ArrayList<>();
        List<Explanation> explanations = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            if (purpose == Purpose.ZONE_DISCOVERY && request.zoneIdConfigured()) {
                continue;
            }
            if (purpose == Purpose.RECORD_CHANGE) {
                ProfileCall change = profile.calls(purpose).get(0);
                for (Map.Entry<HostedZoneId, SortedSet<String>> zone : records.namesByZone().entrySet()) {
                    statements.add(changeStatement(request, zone.getKey(), zone.getValue()));
                    explanations.add(changeExplanation(profile, change, zone.getKey(), zone.getValue(), records));
                }
                continue;
            }
            // calls of one purpose that share a Sid share a statement
            Map<String, List<ProfileCall>> bySid = new LinkedHashMap<>();
            for (ProfileCall call : profile.calls(purpose)) {
                if (call.when().isEmpty() || request.clientSettings().contains(call.when().get())) {
                    bySid.putIfAbsent(call.sid(), new ArrayList<>());
                    bySid.get(call.sid()).add(call);
                }
            }
            for (Map.Entry<String, List<ProfileCall>> group : bySid.entrySet()) {
                SortedSet<String> actions = new TreeSet<>();
                SortedSet<String> resources = new TreeSet<>();
                List<String> reasons = new ArrayList<>();
                for (ProfileCall call : group.getValue()) {
                    actions.add(call.action());
                    resources.addAll(resources(request, call, zoneArns));
                    reasons.add(call.action() + ": " + call.why() + " [" + call.source() + "]");
                }
                List<String> covered = dropCovered(resources);
                if (!covered.isEmpty()) {
                    reasons.add("left out, as another resource of this statement covers them: "
                            + String.join(", ", covered));
                }
                statements.add(grant(group.getKey(), actions, resources));
                explanations.add(new Explanation(group.getKey(), purpose.label() + " by " + profile.client(),
                        withScopeNotes(request, purpose, reasons, resources)));
            }
        }
        if (statements.isEmpty()) {
            // only a profile without Route 53 calls (deliver) gets here: its statements are its destinations'
            throw new UsageException("--client", "--client " + profile.client() + " grants nothing without a "
                    + "destination; give --iam-certificate-prefix, --listener-arn, --acm-certificate-arn or "
                    + "--acm-import-new");
        }
        Optional<Statement> deny = networkDeny(request.network());
        if (deny.isPresent()) {
            explanations.add(new Explanation(DENY_SID, "network restriction", List.of(
                    "denies every action unless the request comes from an allowed address, VPC endpoint or VPC",
                    "BoolIfExists aws:ViaAWSService=false keeps AWS services that act for the principal working")));
        }
        return new GeneratedPolicy(profile, statements, deny, explanations);
    }

    private static Statement changeStatement(GenerateRequest request, HostedZoneId zone, SortedSet<String> names) {
        return changeStatement(request.partition(), zone, List.copyOf(names), List.of("TXT"),
                request.profile().changes().actions());
    }

    /**
     * ChangeResourceRecordSets on one zone, alone in its statement and limited to the given record
     * names, types and change actions; shared with {@link CallStatements} so both emit the same bytes.
     */
    static Statement changeStatement(Partition partition, HostedZoneId zone, List<String> names, List<String> types,
            List<String> changeActions) {
        return Statement.builder(Effect.ALLOW)
                .sid(changeSid(zone))
                .actions(List.of(Route53Names.CHANGE_RECORD_SETS))
                .resources(List.of(partition.hostedZoneArn(zone)))
                .condition(ALL_EQUAL, Route53Names.KEY_NAMES, names)
                .condition(ALL_EQUAL, Route53Names.KEY_TYPES, types)
                .condition(ALL_EQUAL, Route53Names.KEY_ACTIONS, changeActions)
                .build();
    }

    static String changeSid(HostedZoneId zone) {
        return Purpose.RECORD_CHANGE.sid() + zone.id();
    }

    /** The statement of the calls that share a Sid: their actions on their resources, both sorted. */
    static Statement grant(String sid, SortedSet<String> actions, SortedSet<String> resources) {
        return Statement.builder(Effect.ALLOW).sid(sid).actions(List.copyOf(actions))
                .resources(List.copyOf(resources)).build();
    }

    private static Explanation changeExplanation(ClientProfile profile, ProfileCall change, HostedZoneId zone,
            SortedSet<String> names, ChallengeRecords records) {
        List<String> reasons = new ArrayList<>();
        reasons.add("route53:ChangeResourceRecordSets: " + change.why() + " [" + change.source() + "]");
        for (String name : names) {
            reasons.add("record " + name + " for " + String.join(", ", records.domainsFor(name)));
        }
        reasons.add("only TXT records, only " + String.join(" and ", profile.changes().actions())
                + "; ChangeResourceRecordSets stands alone because ForAllValues conditions are vacuously true"
                + " for actions that lack these keys");
        return new Explanation(changeSid(zone), "record change by " + profile.client()
                + " in zone " + zone.id(), reasons);
    }

    private static List<String> withScopeNotes(GenerateRequest request, Purpose purpose, List<String> reasons,
            SortedSet<String> resources) {
        List<String> notes = new ArrayList<>(reasons);
        if (resources.contains(ProfileCall.ANY)) {
            notes.add("on \"*\": AWS accepts no narrower resource for these actions");
        }
        if (purpose == Purpose.ZONE_DISCOVERY) {
            if (request.profile().zoneIdOption().isPresent()) {
                notes.add("not needed when " + request.profile().zoneIdOption().get().option()
                        + " is set: generate with --zone-id-configured");
            }
        }
        return notes;
    }

    /**
     * Drops each resource another resource of the same statement already matches, such as an ACM
     * certificate ARN next to {@code certificate/*} when one destination imports a new certificate:
     * the statement grants the same, and the narrow ARN would only suggest it were the limit.
     */
    private static List<String> dropCovered(SortedSet<String> resources) {
        if (resources.size() < 2) {
            return List.of();
        }
        List<String> covered = new ArrayList<>();
        for (String narrow : resources) {
            for (String wide : resources) {
                if (!wide.equals(narrow) && ResourceTemplate.covers(wide, narrow)) {
                    covered.add(narrow);
                    break;
                }
            }
        }
        resources.removeAll(covered);
        return covered;
    }

    private static List<String> resources(GenerateRequest request, ProfileCall call, List<String> zoneArns) {
        switch (call.resource()) {
            case ProfileCall.ANY:
                return List.of(ProfileCall.ANY);
            case ProfileCall.HOSTED_ZONE:
                return zoneArns;
            case ProfileCall.CHANGE:
                return List.of(request.partition().anyChangeArn());
            default:
                return ResourceTemplate.expand(call.resource(), request);
        }
    }

    /** Rejects options the chosen client cannot use, naming the client. */
    private static void checkOptions(GenerateRequest request) throws UsageException {
        ClientProfile profile = request.profile();
        if (request.zoneIdConfigured() && profile.zoneIdOption().isEmpty()
                && !profile.calls(Purpose.ZONE_DISCOVERY).isEmpty()) {
            throw new UsageException("--zone-id-configured", profile.client()
                    + " cannot be given a zone id, so it always discovers zones; drop --zone-id-configured");
        }
        if (!request.aliases().isEmpty() && profile.cnames().mode() == CnameBehaviour.Mode.NEVER) {
            throw new UsageException("--challenge-alias", profile.client()
                    + " does not follow CNAMEs or write to alias names (" + profile.cnames().how() + ")");
        }
        SortedSet<String> settings = profile.settings();
        for (String setting : request.clientSettings()) {
            if (!settings.contains(setting)) {
                throw new UsageException(setting, profile.client() + " has no setting \"" + setting + "\""
                        + (settings.isEmpty() ? "" : "; known: " + String.join(", ", settings)));
            }
        }
        ResourceTemplate.checkUsed(request);
    }

    private static Optional<Statement> networkDeny(NetworkRestriction network) {
        if (network.isEmpty()) {
            return Optional.empty();
        }
        Statement.Builder deny = Statement.builder(Effect.DENY).sid(DENY_SID)
                .actions(List.of("*")).resources(List.of("*"));
        if (!network.cidrs().isEmpty()) {
            deny.condition(ConditionOperator.of(ConditionOperator.SetQualifier.NONE, OperatorName.NOT_IP_ADDRESS),
                    "aws:SourceIp", network.cidrs());
        }
        ConditionOperator notEquals =
                ConditionOperator.of(ConditionOperator.SetQualifier.NONE, OperatorName.STRING_NOT_EQUALS);
        if (!network.vpcEndpoints().isEmpty()) {
            deny.condition(notEquals, "aws:SourceVpce", network.vpcEndpoints());
        }
        if (!network.vpcs().isEmpty()) {
            deny.condition(notEquals, "aws:SourceVpc", network.vpcs());
        }
        deny.condition(new ConditionOperator(ConditionOperator.SetQualifier.NONE, OperatorName.BOOL, true),
                "aws:ViaAWSService", List.of("false"));
        return Optional.of(deny.build());
    }
}
