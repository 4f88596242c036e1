package dev.policygen.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a change batch to a zone's record sets the way Route 53 does: every change is checked
 * against the sets as the earlier changes of the batch left them, every failure is reported, and
 * the batch takes effect only if none failed. The messages are AWS's own wording, because clients
 * (cert-manager, lego) and people match on them.
 */
final class ChangeBatchApplier {
    private ChangeBatchApplier() {
    }

    /** The zone's sets after the batch, or InvalidChangeBatch listing every failed change. */
    static TreeMap<RecordSetKey, RecordSet> apply(HostedZone zone, Map<RecordSetKey, RecordSet> current,
            List<RequestedChange> changes) throws Route53Error {
        TreeMap<RecordSetKey, RecordSet> sets = new TreeMap<>(current);
        List<String> errors = new ArrayList<>();
        Set<RecordSetKey> seen = new HashSet<>();
        Set<RecordSetKey> deleted = new HashSet<>();
        for (RequestedChange change : changes) {
            RecordSet set = change.set();
            // a set may appear once, or twice as a DELETE and then a CREATE: the documented way to
            // replace a set only if it is still exactly as read
            boolean replacing = change.action().equals("CREATE") && deleted.remove(set.key());
            if (!seen.add(set.key()) && !replacing) {
                errors.add("The request contains an invalid set of changes for a resource record set '" + set.type()
                        + " " + set.dnsName() + "'");
                continue;
            }
            if (change.action().equals("DELETE")) {
                deleted.add(set.key());
            }
            String problem = problem(zone, sets, change);
            if (problem != null) {
                errors.add(problem);
                continue;
            }
            if (change.action().equals("DELETE")) {
                sets.remove(set.key());
            } else {
                sets.put(set.key(), set);
            }
        }
        if (!errors.isEmpty()) {
            throw Route53Error.invalidChangeBatch(errors);
        }
        return sets;
    }

    private static String problem(HostedZone zone, Map<RecordSetKey, RecordSet> sets, RequestedChange change) {
        RecordSet set = change.set();
        if (!zone.contains(set.name())) {
            return "RRSet with DNS name " + set.dnsName() + " is not permitted in zone " + zone.dnsName();
        }
        RecordSet existing = sets.get(set.key());
        if (change.action().equals("DELETE")) {
            if (existing == null) {
                return "Tried to delete resource record set " + set.key().describe() + " but it was not found";
            }
            if (!sameContent(existing, set)) {
                return "Tried to delete resource record set " + set.key().describe()
                        + " but the values provided do not match the current values";
            }
            if (set.name().equals(zone.name()) && (set.type().equals("SOA") || set.type().equals("NS"))) {
                return set.type().equals("SOA") ? "A HostedZone must contain exactly one SOA record."
                        : "A HostedZone must contain at least one NS record for the zone itself.";
            }
            return null;
        }
        if (existing != null && change.action().equals("CREATE")) {
            return "Tried to create resource record set " + set.key().describe() + " but it already exists";
        }
        String invalidValue = invalidValue(set);
        if (invalidValue != null) {
            return invalidValue;
        }
        if (set.type().equals("CNAME") && set.name().equals(zone.name())) {
            return "RRSet of type CNAME with DNS name " + set.dnsName() + " is not permitted at apex in zone "
                    + zone.dnsName();
        }
        for (RecordSet other : sets.values()) {
            if (!other.name().equals(set.name()) || other.key().equals(set.key())) {
                continue;
            }
            if (other.type().equals(set.type()) && other.routed() != set.routed()) {
                return set.routed()
                        ? "RRSet with DNS name " + set.dnsName() + ", type " + set.type() + ", SetIdentifier "
                                + set.setIdentifier() + " cannot be created as a non-weighted set exists with the "
                                + "same name and type."
                        : "RRSet with DNS name " + set.dnsName() + ", type " + set.type()
                                + " cannot be created as other RRSets exist with the same name and type.";
            }
            if (set.type().equals("CNAME") && !other.type().equals("CNAME")) {
                return "RRSet of type CNAME with DNS name " + set.dnsName() + " is not permitted as it conflicts "
                        + "with other records with the same DNS name in zone " + zone.dnsName();
            }
            if (other.type().equals("CNAME") && !set.type().equals("CNAME")) {
                return "RRSet of type " + set.type() + " with DNS name " + set.dnsName() + " is not permitted "
                        + "because a conflicting RRSet of type CNAME with the same DNS name already exists in zone "
                        + zone.dnsName();
            }
        }
        return null;
    }

    /** DELETE must name the set exactly as it is: same TTL, same routing, same values in any order. */
    private static boolean sameContent(RecordSet existing, RecordSet requested) {
        return existing.ttl() == requested.ttl()
                && java.util.Objects.equals(existing.weight(), requested.weight())
                && java.util.Objects.equals(existing.multiValueAnswer(), requested.multiValueAnswer())
                && new HashSet<>(existing.values()).equals(new HashSet<>(requested.values()))
                && existing.values().size() == requested.values().size();
    }

    /** The "Invalid Resource Record" message for a value Route 53 would refuse, else null. */
    private static String invalidValue(RecordSet set) {
        if (set.type().equals("CNAME") && set.values().size() > 1) {
            return "Invalid Resource Record: FATAL problem: RRSetOfTypeCNAMEWithMultipleRecords (RRSet of type "
                    + "CNAME cannot have multiple records) encountered with '" + set.values().get(0) + "'";
        }
        for (String value : set.values()) {
            String reason = switch (set.type()) {
                case "TXT", "SPF" -> txtProblem(value);
                case "A" -> addressProblem(value, 4, "ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address)");
                case "AAAA" -> addressProblem(value, 16,
                        "AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address)");
                default -> null;
            };
            if (reason != null) {
                return "Invalid Resource Record: FATAL problem: " + reason + " encountered with '" + value + "'";
            }
        }
        return null;
    }

    private static String txtProblem(String value) {
        try {
            TxtStrings.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String addressProblem(String value, int length, String reason) {
        boolean literal = length == 4 ? value.matches("\\d{1,3}(\\.\\d{1,3}){3}") : value.contains(":")
                && value.matches("[0-9A-Fa-f:.]+");
        if (!literal) {
            return reason;
        }
        try {
            // a literal, so InetAddress parses it without any lookup
            return InetAddress.getByName(value).getAddress().length == length ? null : reason;
        } catch (UnknownHostException e) {
            return reason;
        }
    }
}
