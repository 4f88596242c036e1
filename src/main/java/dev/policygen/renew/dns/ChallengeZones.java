package dev.policygen.renew.dns;

import dev.policygen.AwsFailure;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which public hosted zone each certificate name's challenge record goes in: the zone the config
 * gives, else the closest enclosing public zone Route 53 lists. Lookups are shared by every
 * certificate of a run, so a zone is asked about once however many names it holds.
 *
 * <p>One ListHostedZonesByName usually answers for every name under a two-label suffix
 * ({@code example.com}): Route 53's API reference says it "sorts hosted zones by name with the labels
 * reversed" ({@code com.example.www.}, ASCII, trailing dot included) and lists them from {@code DNSName}
 * on, up to 100 a page. Every zone at or under {@code example.com} has a sort key starting with
 * {@code com.example.}, which is where the list starts, so they come first and together. When the page
 * ends among them (a full page whose last zone is still under the suffix) the names are looked up one
 * candidate zone at a time instead, as before.
 */
public final class ChallengeZones {
    private final GuardedAws aws;
    /** Candidate zone name to the public zone of exactly that name, or empty when there is none. */
    private final Map<String, Optional<HostedZones.Zone>> byName = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Two-label suffix to every zone at or under it, or empty when one page did not hold them all. */
    private final Map<String, Optional<List<HostedZones.Zone>>> subtrees = new ConcurrentHashMap<>();
    /** Zones the config gives by id alone, to their names as GetHostedZone answered. */
    private final Map<HostedZoneId, String> names = new ConcurrentHashMap<>();
    /** ListHostedZonesByName's page when no MaxItems is given (the API reference: "up to 100 items"). */
    static final int ZONE_PAGE = 100;

    public ChallengeZones(GuardedAws aws) {
        this.aws = aws;
    }

    /** The zone for {@code name} (normalized, without wildcard): the configured one, else discovered. */
    public HostedZoneId zoneOf(String name, Optional<HostedZoneId> configured) throws GuardException, AwsFailure,
            InterruptedException, ZoneNotFoundException {
        if (configured.isPresent()) {
            return configured.get();
        }
        return enclosingZone(name).id();
    }

    /**
     * The order's TXT values as they go into Route 53: zone to record name to its distinct quoted values, each
     * challenge in the zone of its name without wildcard (the configured one, else discovered).
     *
     * @param configuredZones normalized certificate name (no wildcard) to the zone the config gives, if any
     */
    public Map<HostedZoneId, Map<String, List<String>>> valuesByZone(List<ChallengeRecord> challenges,
            Map<String, Optional<HostedZoneId>> configuredZones) throws GuardException, AwsFailure,
            InterruptedException, ZoneNotFoundException {
        Map<HostedZoneId, Map<String, List<String>>> byZone = new TreeMap<>();
        for (ChallengeRecord challenge : challenges) {
            String name = challenge.identifier().startsWith("*.") ? challenge.identifier().substring(2)
                    : challenge.identifier();
            HostedZoneId zone = zoneOf(name, configuredZones.getOrDefault(name, Optional.empty()));
            List<String> values = byZone.computeIfAbsent(zone, z -> new TreeMap<>())
                    .computeIfAbsent(challenge.recordName(), n -> new ArrayList<>());
            String value = TxtRecord.quoted(challenge.value());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        return byZone;
    }

    /** The name of {@code zone}, read once a run (GetHostedZone): for a zone the config gives by id alone. */
    public String zoneName(HostedZoneId zone) throws GuardException, AwsFailure, InterruptedException {
        String known = names.get(zone);
        if (known != null) {
            return known;
        }
        ReentrantLock lock = locks.computeIfAbsent("name " + zone.id(), c -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            known = names.get(zone);
            if (known == null) {
                known = aws.zone(zone).name();
                names.put(zone, known);
            }
            return known;
        } finally {
            lock.unlock();
        }
    }

    /** The closest public zone enclosing {@code name} (normalized), asking Route 53 for each candidate once. */
    public HostedZones.Zone enclosingZone(String name) throws GuardException, AwsFailure, InterruptedException,
            ZoneNotFoundException {
        List<String> labels = RecordNames.labels(name);
        if (labels.size() >= 2) {
            String suffix = RecordNames.join(labels.subList(labels.size() - 2, labels.size()));
            Optional<List<HostedZones.Zone>> subtree = subtree(suffix);
            if (subtree.isPresent()) {
                return closestIn(subtree.get(), labels).orElseThrow(() -> new ZoneNotFoundException(name));
            }
        }
        // from the name itself up to its parent under the top-level domain: the longest match wins
        for (int i = 0; i < labels.size() - 1; i++) {
            String candidate = RecordNames.join(labels.subList(i, labels.size()));
            Optional<HostedZones.Zone> zone = exactPublicZone(candidate);
            if (zone.isPresent()) {
                return zone.get();
            }
        }
        throw new ZoneNotFoundException(name);
    }

    /** The longest candidate (the name, then its parents down to two labels) that is a public zone listed. */
    private static Optional<HostedZones.Zone> closestIn(List<HostedZones.Zone> listed, List<String> labels) {
        for (int i = 0; i < labels.size() - 1; i++) {
            String candidate = RecordNames.join(labels.subList(i, labels.size()));
            for (HostedZones.Zone zone : listed) {
                if (zone.name().equals(candidate) && !zone.privateZone()) {
                    return Optional.of(zone);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<List<HostedZones.Zone>> subtree(String suffix) throws GuardException, AwsFailure,
            InterruptedException {
        Optional<List<HostedZones.Zone>> known = subtrees.get(suffix);
        if (known != null) {
            return known;
        }
        ReentrantLock lock = locks.computeIfAbsent("subtree " + suffix, c -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            known = subtrees.get(suffix);
            if (known != null) {
                return known;
            }
            List<HostedZones.Zone> page = aws.zonesFrom(suffix);
            List<HostedZones.Zone> under = new ArrayList<>();
            boolean left = false;
            for (HostedZones.Zone zone : page) {
                if (zone.name().equals(suffix) || zone.name().endsWith("." + suffix)) {
                    under.add(zone);
                } else {
                    left = true;
                }
            }
            // a full page that never left the subtree may go on with more of its zones on the next page
            Optional<List<HostedZones.Zone>> result = left || page.size() < ZONE_PAGE
                    ? Optional.of(List.copyOf(under)) : Optional.empty();
            subtrees.put(suffix, result);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private Optional<HostedZones.Zone> exactPublicZone(String candidate) throws GuardException, AwsFailure,
            InterruptedException {
        Optional<HostedZones.Zone> known = byName.get(candidate);
        if (known != null) {
            return known;
        }
        // certificates renewed at once often share a zone: one asks, the others wait for its answer
        ReentrantLock lock = locks.computeIfAbsent(candidate, c -> new ReentrantLock());
        lock.lockInterruptibly();
        try {
            known = byName.get(candidate);
            return known != null ? known : lookUp(candidate);
        } finally {
            lock.unlock();
        }
    }

    private Optional<HostedZones.Zone> lookUp(String candidate) throws GuardException, AwsFailure,
            InterruptedException {
        Optional<HostedZones.Zone> found = Optional.empty();
        // Route 53 lists zones from DNSName on, so a zone of exactly that name comes first (private and
        // public zones may share a name; only a public zone is where a CA looks)
        for (HostedZones.Zone zone : aws.zonesFrom(candidate)) {
            if (!zone.name().equals(candidate)) {
                break;
            }
            if (!zone.privateZone()) {
                found = Optional.of(zone);
                break;
            }
        }
        byName.put(candidate, found);
        return found;
    }
}
