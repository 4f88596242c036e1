package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.UsageException;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/** {@link HostedZones} with the SDK's Route 53 client; each method is one request. */
final class SdkHostedZones implements HostedZones {
    private static final String SERVICE = "Route 53";
    private static final String CHANGE_PREFIX = "/change/";
    /** ListResourceRecordSets' largest page. */
    static final int MAX_SETS = 300;

    private final Supplier<Route53Client> client;

    SdkHostedZones(Supplier<Route53Client> client) {
        this.client = client;
    }

    @Override
    public List<Zone> zonesFrom(String dnsName) throws AwsFailure {
        List<HostedZone> zones;
        try {
            zones = client.get().listHostedZonesByName(r -> r.dnsName(dnsName)).hostedZones();
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "ListHostedZonesByName", dnsName);
        }
        List<Zone> result = new ArrayList<>();
        for (HostedZone zone : zones) {
            result.add(new Zone(zoneId(zone.id()), normalized(zone.name()),
                    zone.config() != null && Boolean.TRUE.equals(zone.config().privateZone())));
        }
        return result;
    }

    @Override
    public Zone zone(HostedZoneId zone) throws AwsFailure {
        HostedZone found;
        try {
            found = client.get().getHostedZone(r -> r.id(zone.id())).hostedZone();
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "GetHostedZone", "hostedzone/" + zone.id());
        }
        return new Zone(zone, normalized(found.name()),
                found.config() != null && Boolean.TRUE.equals(found.config().privateZone()));
    }

    @Override
    public TxtRecord txtRecord(HostedZoneId zone, String name) throws AwsFailure {
        ListResourceRecordSetsResponse response;
        try {
            response = client.get().listResourceRecordSets(r -> r.hostedZoneId(zone.id()).startRecordName(name)
                    .startRecordType(RRType.TXT).maxItems("1"));
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "ListResourceRecordSets", "hostedzone/" + zone.id());
        }
        String wanted = normalized(name);
        // the list starts at the name, but when there is no TXT set there it goes on with the next set
        for (ResourceRecordSet set : response.resourceRecordSets()) {
            if (set.type() == RRType.TXT && normalized(set.name()).equals(wanted)) {
                return record(wanted, set);
            }
        }
        return TxtRecord.absent(wanted);
    }

    @Override
    public List<TxtRecord> txtRecords(HostedZoneId zone, List<String> names) throws AwsFailure {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>();
        for (String name : names) {
            wanted.add(normalized(name));
        }
        wanted.sort(RecordNames::compareInRoute53Order);
        String first = wanted.get(0);
        ListResourceRecordSetsResponse response;
        try {
            // the list starts at the first name in Route 53's order (name, then type; TXT skips only that
            // name's sets of types before TXT) and runs on through the zone, so one page holds the others
            // unless the zone has more than MAX_SETS sets between them
            response = client.get().listResourceRecordSets(r -> r.hostedZoneId(zone.id()).startRecordName(first)
                    .startRecordType(RRType.TXT).maxItems(Integer.toString(MAX_SETS)));
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "ListResourceRecordSets", "hostedzone/" + zone.id());
        }
        Map<String, TxtRecord> found = new HashMap<>();
        for (ResourceRecordSet set : response.resourceRecordSets()) {
            if (set.type() == RRType.TXT) {
                // the first TXT set at a name, as txtRecord reads it
                String name = normalized(set.name());
                found.putIfAbsent(name, record(name, set));
            }
        }
        boolean truncated = Boolean.TRUE.equals(response.isTruncated());
        String next = truncated && response.nextRecordName() != null ? normalized(response.nextRecordName()) : null;
        List<TxtRecord> result = new ArrayList<>();
        for (String name : wanted) {
            TxtRecord record = found.get(name);
            if (record != null) {
                result.add(record);
            } else if (!truncated || (next != null && RecordNames.compareInRoute53Order(name, next) < 0)) {
                // every set from the first name up to the page's end (or the next page's first name,
                // exclusive) was on the page, and this name has none
                result.add(TxtRecord.absent(name));
            }
        }
        return result;
    }

    @Override
    public String change(HostedZoneId zone, List<TxtChange> changes) throws AwsFailure {
        List<Change> batch = new ArrayList<>();
        for (TxtChange change : changes) {
            List<ResourceRecord> records = new ArrayList<>();
            for (String value : change.record().values()) {
                records.add(ResourceRecord.builder().value(value).build());
            }
            batch.add(Change.builder()
                    .action(change.action() == TxtChange.Action.CREATE ? ChangeAction.CREATE : ChangeAction.DELETE)
                    .resourceRecordSet(ResourceRecordSet.builder().name(change.record().name()).type(RRType.TXT)
                            .ttl(change.record().ttl()).resourceRecords(records).build())
                    .build());
        }
        ChangeInfo info;
        try {
            info = client.get().changeResourceRecordSets(r -> r.hostedZoneId(zone.id())
                    .changeBatch(b -> b.changes(batch))).changeInfo();
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "ChangeResourceRecordSets", "hostedzone/" + zone.id());
        }
        return bareChangeId(info.id());
    }

    @Override
    public boolean inSync(String changeId) throws AwsFailure {
        try {
            return client.get().getChange(r -> r.id(changeId)).changeInfo().status() == ChangeStatus.INSYNC;
        } catch (SdkException e) {
            throw SdkFailures.of(e, SERVICE, "GetChange", "change/" + changeId);
        }
    }

    private static TxtRecord record(String name, ResourceRecordSet set) {
        List<String> values = new ArrayList<>();
        for (ResourceRecord record : set.resourceRecords()) {
            values.add(record.value());
        }
        return new TxtRecord(name, set.ttl() == null ? 0 : set.ttl(), values);
    }

    static String bareChangeId(String id) {
        return id.startsWith(CHANGE_PREFIX) ? id.substring(CHANGE_PREFIX.length()) : id;
    }

    private static HostedZoneId zoneId(String id) throws AwsFailure {
        try {
            return HostedZoneId.parse(id);
        } catch (UsageException e) {
            throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, SERVICE + " ListHostedZonesByName answered with a "
                    + e.getMessage(), e);
        }
    }

    /** Route 53's names end in a dot and escape some characters ({@code \052} for *); ours do neither. */
    private static String normalized(String name) throws AwsFailure {
        try {
            return RecordNames.normalize(name);
        } catch (IllegalArgumentException e) {
            throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, SERVICE + " answered with the record name \"" + name
                    + "\", which policygen cannot read: " + e.getMessage(), e);
        }
    }
}
