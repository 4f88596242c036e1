package dev.policygen.renew.dns;

import dev.policygen.aws.AwsFailure;
import dev.policygen.generate.HostedZoneId;
import dev.policygen.name.RecordNames;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Which public hosted zone each certificate name's challenge record goes in: the zone the config
 * gives, else the closest enclosing public zone Route 53 lists. Lookups are shared by every
 * certificate of a run, so a zone is asked about once however many names it holds.
 */
public final class ChallengeZones {
    private final GuardedAws aws;
    /** Candidate zone name to the public zone of exactly that name, or empty when there is none. */
    private final Map<String, Optional<HostedZones.Zone>> byName = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

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

    /** The closest public zone enclosing {@code name} (normalized), asking Route 53 for each candidate once. */
    public HostedZones.Zone enclosingZone(String name) throws GuardException, AwsFailure, InterruptedException,
            ZoneNotFoundException {
        List<String> labels = RecordNames.labels(name);
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
