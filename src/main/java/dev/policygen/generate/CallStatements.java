package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.model.Statement;
import dev.policygen.profile.Purpose;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Least-privilege statements for a known set of calls, such as those {@code policygen observe} saw a
 * client make. The statements are built by {@link PolicyGenerator}'s own builders with the Sids and
 * the purpose order a profile gets, so calls that match a profile give that profile's policy byte
 * for byte. Nothing here is on the generate path.
 */
public final class CallStatements {
    /**
     * One call as IAM saw it. {@code names}, {@code types} and {@code changeActions} are the values of
     * the ChangeResourceRecordSets condition keys, empty for every other action.
     */
    public record Call(String action, String resource, List<String> names, List<String> types,
            List<String> changeActions) {
        public Call {
            names = List.copyOf(names);
            types = List.copyOf(types);
            changeActions = List.copyOf(changeActions);
        }
    }

    private static final Set<String> DISCOVERY = Set.of("route53:ListHostedZones", "route53:ListHostedZonesByName",
            "route53:ListHostedZonesByVPC", "route53:GetHostedZoneCount");
    private static final Set<String> READS = Set.of("route53:ListResourceRecordSets", "route53:GetHostedZone");
    private static final String WAIT = "route53:GetChange";
    private static final String ZONE_MARK = ":route53:::hostedzone/";
    private static final String CHANGE_MARK = ":route53:::change/";

    private CallStatements() {
    }

    /**
     * The statements that allow exactly these calls: List* on {@code *}, reads on their zones, one
     * ChangeResourceRecordSets statement per zone limited to the names, types and change actions
     * seen, GetChange on {@code change/*} (change ids are new on every run), and any other action on
     * the resources it was called on.
     *
     * @throws IllegalArgumentException for a Route 53 resource that is not a hosted zone or change ARN
     */
    public static List<Statement> forCalls(List<Call> calls) {
        SortedMap<String, SortedSet<String>> discovery = new TreeMap<>();
        SortedMap<String, SortedSet<String>> reads = new TreeMap<>();
        SortedMap<String, SortedSet<String>> waits = new TreeMap<>();
        SortedMap<String, SortedSet<String>> extraActions = new TreeMap<>();
        SortedMap<String, SortedSet<String>> extraResources = new TreeMap<>();
        SortedMap<HostedZoneId, ZoneChanges> changes = new TreeMap<>();
        for (Call call : calls) {
            String action = call.action();
            if (DISCOVERY.contains(action)) {
                add(discovery, action, call.resource());
            } else if (READS.contains(action)) {
                zoneOf(call.resource());
                add(reads, action, call.resource());
            } else if (action.equals(WAIT)) {
                add(waits, action, partitionOf(call.resource(), CHANGE_MARK).anyChangeArn());
            } else if (action.equals(Route53Names.CHANGE_RECORD_SETS)) {
                HostedZoneId zone = zoneOf(call.resource());
                ZoneChanges zoneChanges = changes.computeIfAbsent(zone,
                        z -> new ZoneChanges(partitionOf(call.resource(), ZONE_MARK)));
                zoneChanges.names.addAll(call.names());
                zoneChanges.types.addAll(call.types());
                zoneChanges.actions.addAll(call.changeActions());
            } else {
                String sid = extraSid(action);
                extraActions.computeIfAbsent(sid, s -> new TreeSet<>()).add(action);
                extraResources.computeIfAbsent(sid, s -> new TreeSet<>()).add(call.resource());
            }
        }
        List<Statement> statements = new ArrayList<>();
        grantAll(statements, Purpose.ZONE_DISCOVERY.sid(), discovery);
        grantAll(statements, Purpose.RECORD_READ.sid(), reads);
        for (Map.Entry<HostedZoneId, ZoneChanges> zone : changes.entrySet()) {
            ZoneChanges seen = zone.getValue();
            statements.add(PolicyGenerator.changeStatement(seen.partition, zone.getKey(), List.copyOf(seen.names),
                    List.copyOf(seen.types), List.copyOf(seen.actions)));
        }
        grantAll(statements, Purpose.CHANGE_WAIT.sid(), waits);
        for (Map.Entry<String, SortedSet<String>> extra : extraActions.entrySet()) {
            statements.add(PolicyGenerator.grant(extra.getKey(), extra.getValue(), extraResources.get(extra.getKey())));
        }
        return statements;
    }

    /** The names, types and change actions seen in one zone's change batches. */
    private static final class ZoneChanges {
        final Partition partition;
        final SortedSet<String> names = new TreeSet<>();
        final SortedSet<String> types = new TreeSet<>();
        final SortedSet<String> actions = new TreeSet<>();

        ZoneChanges(Partition partition) {
            this.partition = partition;
        }
    }

    private static void add(SortedMap<String, SortedSet<String>> resourcesByAction, String action, String resource) {
        resourcesByAction.computeIfAbsent(action, a -> new TreeSet<>()).add(resource);
    }

    /** One statement for all actions of a purpose, on the union of their resources, as generate groups them. */
    private static void grantAll(List<Statement> statements, String sid, SortedMap<String, SortedSet<String>> byAction) {
        if (byAction.isEmpty()) {
            return;
        }
        SortedSet<String> resources = new TreeSet<>();
        for (SortedSet<String> some : byAction.values()) {
            resources.addAll(some);
        }
        statements.add(PolicyGenerator.grant(sid, new TreeSet<>(byAction.keySet()), resources));
    }

    /** {@code s3:GetObject} gives {@code S3GetObject}: the service and action, letters and digits only. */
    static String extraSid(String action) {
        StringBuilder sid = new StringBuilder();
        boolean upper = true;
        for (char c : action.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!plain) {
                upper = true;
                continue;
            }
            sid.append(upper ? Character.toUpperCase(c) : c);
            upper = false;
        }
        return sid.toString();
    }

    private static HostedZoneId zoneOf(String arn) {
        int mark = arn.indexOf(ZONE_MARK);
        if (!arn.startsWith("arn:") || mark < 0) {
            throw new IllegalArgumentException("not a hosted zone ARN: " + arn);
        }
        try {
            return HostedZoneId.parse(arn.substring(mark + ZONE_MARK.length()));
        } catch (UsageException e) {
            throw new IllegalArgumentException("not a hosted zone ARN: " + arn + ": " + e.getMessage(), e);
        }
    }

    private static Partition partitionOf(String arn, String mark) {
        int end = arn.indexOf(mark);
        if (!arn.startsWith("arn:") || end < 0) {
            throw new IllegalArgumentException("not a Route 53 " + mark.substring(mark.lastIndexOf(':') + 1)
                    + " ARN: " + arn);
        }
        try {
            return Partition.parse(arn.substring("arn:".length(), end));
        } catch (UsageException e) {
            throw new IllegalArgumentException("unknown partition in " + arn, e);
        }
    }
}
