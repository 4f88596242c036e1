package dev.policygen.lint.diff;

import dev.policygen.UsageException;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.generate.ChallengeRecords;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.profile.Purpose;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fixed set of requests sent to a policy to find what it grants beyond the client's needs
 * (docs/rules/PG502.md lists them). Record probes are built, per zone, from the zone's first
 * challenge name {@code _acme-challenge.D}: other names, other types and other change actions in
 * that zone, and the same change in a zone not given. Action probes cover Route 53 actions that
 * manage zones and a few outside Route 53. A probe the client could itself send is dropped, so a
 * policy that grants exactly the client's needs allows none of them.
 */
final class OverGrantProbes {
    /** Not a zone of any request: stands for every zone a {@code hostedzone/*} grant also opens. */
    static final HostedZoneId OTHER_ZONE = new HostedZoneId("ZOTHERZONE0PROBE0001");
    private static final List<String> OTHER_TYPES = List.of("A", "CNAME", "NS", "MX");
    private static final List<String> CHANGE_ACTIONS = List.of("CREATE", "UPSERT", "DELETE");
    private static final List<String> ZONE_ACTIONS = List.of("route53:DeleteHostedZone", "route53:GetHostedZone",
            "route53:ListResourceRecordSets", "route53:ChangeTagsForResource", "route53:UpdateHostedZoneComment",
            "route53:AssociateVPCWithHostedZone");
    private static final List<String> ACCOUNT_ACTIONS = List.of("route53:CreateHostedZone",
            "route53:ListHostedZones", "route53:ListHostedZonesByName");

    private OverGrantProbes() {
    }

    static List<Probe> of(GenerateRequest request, ChallengeRecords records, List<ClientRequest> needed)
            throws UsageException {
        Set<String> calledActions = needed.stream().map(r -> r.access().action()).collect(Collectors.toSet());
        List<String> clientActions = request.profile().changes().actions();
        // a profile that writes no record (deliver) is probed with the change a DNS-01 client sends most
        String sentAction = clientActions.isEmpty() ? "UPSERT" : clientActions.get(0);
        Partition partition = request.partition();
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<HostedZoneId, SortedSet<String>> zone : records.namesByZone().entrySet()) {
            HostedZoneId id = zone.getKey();
            String name = zone.getValue().first();
            String domain = name.startsWith(Route53Names.CHALLENGE_PREFIX) ? name.substring(Route53Names.CHALLENGE_PREFIX.length()) : name;
            List<Probe> inZone = new ArrayList<>();
            inZone.add(change(partition, id, "a host name, not a challenge name", sentAction, "TXT", "www." + domain));
            inZone.add(change(partition, id, "the domain's own name", sentAction, "TXT", domain));
            inZone.add(change(partition, id, "the challenge name of a name below the domain", sentAction, "TXT",
                    Route53Names.CHALLENGE_PREFIX + "other." + domain));
            inZone.add(change(partition, id, "a name that only ends in the domain's text", sentAction, "TXT",
                    Route53Names.CHALLENGE_PREFIX + "not" + domain));
            inZone.add(change(partition, id, "a name of another zone", sentAction, "TXT", Route53Names.CHALLENGE_PREFIX + "example.invalid"));
            inZone.addAll(atName(partition, id, name, sentAction, clientActions));
            for (String action : ZONE_ACTIONS) {
                if (!calledActions.contains(action)) {
                    inZone.add(new Probe(ClientRequest.call(action, partition.hostedZoneArn(id)),
                            "an action it never calls"));
                }
            }
            inZone.removeIf(p -> withinNeeds(p.request(), records, clientActions));
            probes.addAll(inZone);
        }
        if (records.namesByZone().isEmpty()) {
            // no zone is written to (deliver): every record change and zone action is beyond its needs
            probes.add(change(partition, OTHER_ZONE, "a record change, which it never makes", sentAction, "TXT",
                    Route53Names.CHALLENGE_PREFIX + "example.invalid"));
            for (String action : ZONE_ACTIONS) {
                if (!calledActions.contains(action)) {
                    probes.add(new Probe(ClientRequest.call(action, partition.hostedZoneArn(OTHER_ZONE)),
                            "an action it never calls"));
                }
            }
        } else if (!records.namesByZone().containsKey(OTHER_ZONE)) {
            String name = records.namesByZone().values().iterator().next().first();
            probes.add(change(partition, OTHER_ZONE, "a hosted zone that is not given", sentAction, "TXT", name));
            if (calledActions.contains(Route53Names.LIST_RECORD_SETS)) {
                probes.add(new Probe(ClientRequest.call(Route53Names.LIST_RECORD_SETS,
                        partition.hostedZoneArn(OTHER_ZONE)), "a hosted zone that is not given"));
            }
        }
        for (String action : ACCOUNT_ACTIONS) {
            if (!calledActions.contains(action)) {
                boolean discovers = request.profile().calls(Purpose.ZONE_DISCOVERY).stream()
                        .anyMatch(c -> c.action().equals(action));
                probes.add(new Probe(ClientRequest.call(action, "*"), discovers
                        ? "an action it does not call once its zone id is configured" : "an action it never calls"));
            }
        }
        if (!calledActions.contains(Route53Names.GET_CHANGE)) {
            probes.add(new Probe(ClientRequest.call(Route53Names.GET_CHANGE, SampleArns.change(request)),
                    "an action it never calls"));
        }
        probes.add(new Probe(ClientRequest.call("iam:CreateUser",
                "arn:" + partition.id() + ":iam::" + SampleArns.ACCOUNT + ":user/" + SampleArns.ANY_NAME),
                "an action outside Route 53 it never calls"));
        if (!calledActions.contains("s3:GetObject")) {
            probes.add(new Probe(ClientRequest.call("s3:GetObject",
                    "arn:" + partition.id() + ":s3:::" + SampleArns.ANY_NAME + "-bucket/" + SampleArns.ANY_NAME),
                    "an action outside Route 53 it never calls"));
        }
        probes.addAll(DestinationProbes.of(request));
        return List.copyOf(probes);
    }

    /**
     * The probes at one of the client's own challenge names: other record types, an A record in the TXT's batch,
     * and the change actions the client never sends. A client that batches per name group gets them at each
     * group's first name too ({@link GroupedNeeds}), since each group is a statement of its own.
     */
    static List<Probe> atName(Partition partition, HostedZoneId id, String name, String sentAction,
            List<String> clientActions) {
        List<Probe> probes = new ArrayList<>();
        for (String type : OTHER_TYPES) {
            probes.add(change(partition, id, "record type " + type, sentAction, type, name));
        }
        probes.add(new Probe(ClientRequest.batch(partition, id, List.of(
                new RecordChange(sentAction, ClientNeeds.TXT, name),
                new RecordChange(sentAction, "A", name))), "an A record in the same batch as the TXT"));
        for (String action : CHANGE_ACTIONS) {
            if (!clientActions.contains(action)) {
                probes.add(change(partition, id, "change action " + action, action, "TXT", name));
            }
        }
        return probes;
    }

    private static Probe change(Partition partition, HostedZoneId zone, String reason, String action, String type,
            String name) {
        return new Probe(ClientRequest.batch(partition, zone, List.of(new RecordChange(action, type, name))),
                reason);
    }

    /**
     * True for a batch the client could send itself: only its own names of that zone, only TXT,
     * only its change actions (a probe name can coincide with another requested challenge name).
     */
    private static boolean withinNeeds(ClientRequest probe, ChallengeRecords records, List<String> clientActions) {
        if (!probe.isChangeBatch()) {
            return false;
        }
        SortedSet<String> names = records.namesByZone().getOrDefault(probe.zone(), new TreeSet<>());
        return probe.changes().stream().allMatch(c -> names.contains(c.normalizedName())
                && c.type().equals(ClientNeeds.TXT) && clientActions.contains(c.action()));
    }
}
