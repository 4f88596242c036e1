package dev.policygen.sandbox;

import dev.policygen.route53.RecordNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The six Route 53 operations an ACME client uses, over the record store, answering in the wire
 * format of API 2013-04-01 (docs/design/iam-semantics.md §8): pagination with the documented markers and page
 * limits, names with trailing dots, ids with their {@code /hostedzone/} and {@code /change/}
 * prefixes. Authentication, authorization and faults happen before a call gets here.
 */
final class Route53Api {
    static final int MAX_ZONES = 100;
    static final int MAX_SETS = 300;
    /** DG DNSLimitations: per batch; values under UPSERT count twice. */
    static final int MAX_BATCH_RECORDS = 1000;
    static final int MAX_BATCH_CHARACTERS = 32000;

    private final RecordStore store;
    private final Clock clock;
    private final Duration insyncDelay;

    Route53Api(RecordStore store, Clock clock, Duration insyncDelay) {
        this.store = store;
        this.clock = clock;
        this.insyncDelay = insyncDelay;
    }

    /** Runs one call; the batch is the already parsed body of ChangeResourceRecordSets, else null. */
    String execute(Route53Call call, List<QueryString.Parameter> query, ChangeRequestXml.Batch batch)
            throws Route53Error {
        return execute(call, query, batch, zone -> true);
    }

    /**
     * Runs one call for a caller who sees only the zones {@code visible} accepts: the zones of its own
     * account, as ListHostedZones and ListHostedZonesByName list only those.
     */
    String execute(Route53Call call, List<QueryString.Parameter> query, ChangeRequestXml.Batch batch,
            java.util.function.Predicate<HostedZone> visible) throws Route53Error {
        return switch (call.operation()) {
            case LIST_HOSTED_ZONES -> listHostedZones(query, visible);
            case LIST_HOSTED_ZONES_BY_NAME -> listHostedZonesByName(query, visible);
            case GET_HOSTED_ZONE -> getHostedZone(call.zoneId());
            case LIST_RESOURCE_RECORD_SETS -> listResourceRecordSets(call.zoneId(), query);
            case CHANGE_RESOURCE_RECORD_SETS -> changeResourceRecordSets(call.zoneId(), batch);
            case GET_CHANGE -> XmlResponses.changeInfo("GetChangeResponse", store.change(call.changeId()),
                    clock.instant());
        };
    }

    private String listHostedZones(List<QueryString.Parameter> query, java.util.function.Predicate<HostedZone> visible)
            throws Route53Error {
        String marker = QueryString.get(query, "marker");
        int maxItems = maxItems(query, MAX_ZONES);
        List<HostedZone> zones = new ArrayList<>();
        for (HostedZone zone : store.zones().stream().filter(visible).toList()) {
            if (marker == null || zone.id().compareTo(marker) >= 0) {
                zones.add(zone);
            }
        }
        String root = "ListHostedZonesResponse";
        StringBuilder xml = XmlResponses.open(root).append("<HostedZones>");
        for (HostedZone zone : zones.subList(0, Math.min(maxItems, zones.size()))) {
            XmlResponses.hostedZone(xml, zone, store.setCount(zone.id()));
        }
        xml.append("</HostedZones>");
        if (marker != null) {
            XmlResponses.element(xml, "Marker", marker);
        }
        boolean truncated = zones.size() > maxItems;
        XmlResponses.element(xml, "IsTruncated", truncated);
        if (truncated) {
            XmlResponses.element(xml, "NextMarker", zones.get(maxItems).id());
        }
        XmlResponses.element(xml, "MaxItems", maxItems);
        return XmlResponses.close(xml, root);
    }

    private String listHostedZonesByName(List<QueryString.Parameter> query,
            java.util.function.Predicate<HostedZone> visible) throws Route53Error {
        String dnsName = QueryString.get(query, "dnsname");
        String zoneId = QueryString.get(query, "hostedzoneid");
        if (zoneId != null && dnsName == null) {
            throw Route53Error.invalidInput("The input is not valid: hostedzoneid requires dnsname.");
        }
        int maxItems = maxItems(query, MAX_ZONES);
        String start = dnsName == null ? null : normalized(dnsName, "InvalidDomainName");
        Comparator<HostedZone> byName = (a, b) -> {
            int names = RecordSetKey.compareNames(a.name(), b.name());
            return names != 0 ? names : a.id().compareTo(b.id());
        };
        List<HostedZone> zones = new ArrayList<>();
        for (HostedZone zone : store.zones().stream().filter(visible).toList()) {
            int vsStart = start == null ? 1 : RecordSetKey.compareNames(zone.name(), start);
            if (vsStart > 0 || (vsStart == 0 && (zoneId == null || zone.id().compareTo(zoneId) >= 0))) {
                zones.add(zone);
            }
        }
        zones.sort(byName);
        String root = "ListHostedZonesByNameResponse";
        StringBuilder xml = XmlResponses.open(root).append("<HostedZones>");
        for (HostedZone zone : zones.subList(0, Math.min(maxItems, zones.size()))) {
            XmlResponses.hostedZone(xml, zone, store.setCount(zone.id()));
        }
        xml.append("</HostedZones>");
        if (dnsName != null) {
            XmlResponses.element(xml, "DNSName", dnsName);
        }
        if (zoneId != null) {
            XmlResponses.element(xml, "HostedZoneId", zoneId);
        }
        boolean truncated = zones.size() > maxItems;
        XmlResponses.element(xml, "IsTruncated", truncated);
        if (truncated) {
            XmlResponses.element(xml, "NextDNSName", zones.get(maxItems).dnsName());
            XmlResponses.element(xml, "NextHostedZoneId", zones.get(maxItems).id());
        }
        XmlResponses.element(xml, "MaxItems", maxItems);
        return XmlResponses.close(xml, root);
    }

    private String getHostedZone(String zoneId) throws Route53Error {
        HostedZone zone = store.zone(zoneId);
        String root = "GetHostedZoneResponse";
        StringBuilder xml = XmlResponses.open(root);
        XmlResponses.hostedZone(xml, zone, store.setCount(zoneId));
        XmlResponses.delegationSet(xml);
        return XmlResponses.close(xml, root);
    }

    private String listResourceRecordSets(String zoneId, List<QueryString.Parameter> query) throws Route53Error {
        String name = QueryString.get(query, "name");
        String type = QueryString.get(query, "type");
        String identifier = QueryString.get(query, "identifier");
        if (type != null && name == null) {
            throw Route53Error.invalidInput("The input is not valid: type requires name.");
        }
        if (identifier != null && type == null) {
            throw Route53Error.invalidInput("The input is not valid: identifier requires name and type.");
        }
        if (type != null && !ChangeRequestXml.RECORD_TYPES.contains(type)) {
            throw Route53Error.invalidInput("Invalid type: " + type);
        }
        int maxItems = maxItems(query, MAX_SETS);
        List<RecordSet> all = store.sets(zoneId);
        List<RecordSet> sets = new ArrayList<>();
        RecordSetKey start = name == null ? null
                : new RecordSetKey(normalized(name, "InvalidInput"), type == null ? "" : type, identifier);
        for (RecordSet set : all) {
            if (start == null || set.key().compareTo(start) >= 0) {
                sets.add(set);
            }
        }
        String root = "ListResourceRecordSetsResponse";
        StringBuilder xml = XmlResponses.open(root).append("<ResourceRecordSets>");
        for (RecordSet set : sets.subList(0, Math.min(maxItems, sets.size()))) {
            XmlResponses.recordSet(xml, set);
        }
        xml.append("</ResourceRecordSets>");
        boolean truncated = sets.size() > maxItems;
        XmlResponses.element(xml, "IsTruncated", truncated);
        if (truncated) {
            RecordSet next = sets.get(maxItems);
            XmlResponses.element(xml, "NextRecordName", next.dnsName());
            XmlResponses.element(xml, "NextRecordType", next.type());
            if (next.setIdentifier() != null) {
                XmlResponses.element(xml, "NextRecordIdentifier", next.setIdentifier());
            }
        }
        XmlResponses.element(xml, "MaxItems", maxItems);
        return XmlResponses.close(xml, root);
    }

    private String changeResourceRecordSets(String zoneId, ChangeRequestXml.Batch batch) throws Route53Error {
        int records = 0;
        int characters = 0;
        for (RequestedChange change : batch.changes()) {
            int weight = change.action().equals("UPSERT") ? 2 : 1;
            records += weight * change.set().values().size();
            for (String value : change.set().values()) {
                characters += weight * value.length();
            }
        }
        if (records > MAX_BATCH_RECORDS) {
            throw Route53Error.invalidChangeBatch(List.of("Number of records limit of " + MAX_BATCH_RECORDS
                    + " exceeded."));
        }
        if (characters > MAX_BATCH_CHARACTERS) {
            throw Route53Error.invalidChangeBatch(List.of("Number of characters limit of " + MAX_BATCH_CHARACTERS
                    + " exceeded."));
        }
        Instant now = clock.instant();
        ChangeInfo change = store.apply(zoneId, batch.changes(), batch.comment(), now, insyncDelay);
        // Route 53 acknowledges every accepted batch as PENDING; GetChange tells when it is INSYNC
        return XmlResponses.changeInfo("ChangeResourceRecordSetsResponse", change, now.minusMillis(1));
    }

    private static int maxItems(List<QueryString.Parameter> query, int limit) throws Route53Error {
        String text = QueryString.get(query, "maxitems");
        if (text == null) {
            return limit;
        }
        try {
            int value = Integer.parseInt(text);
            if (value > 0) {
                return Math.min(value, limit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Route53Error.invalidInput("1 validation error detected: Value '" + text + "' at 'maxItems' failed to "
                + "satisfy constraint: Member must be a positive integer");
    }

    private static String normalized(String name, String code) throws Route53Error {
        try {
            return RecordNames.normalize(name);
        } catch (IllegalArgumentException e) {
            throw Route53Error.sender(400, code, name + " is not a valid DNS name: " + e.getMessage());
        }
    }
}
