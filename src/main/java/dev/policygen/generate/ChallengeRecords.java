package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which challenge record names the client writes, in which zone: each certificate name's
 * {@code _acme-challenge} name in its zone, or its alias target in the validation zone.
 */
public final class ChallengeRecords {
    private final SortedMap<HostedZoneId, SortedSet<String>> namesByZone;
    private final Map<String, Set<String>> domainsByName;

    private ChallengeRecords(SortedMap<HostedZoneId, SortedSet<String>> namesByZone,
            Map<String, Set<String>> domainsByName) {
        this.namesByZone = namesByZone;
        this.domainsByName = domainsByName;
    }

    /** Sorted zones, each with its sorted, de-duplicated record names. */
    public SortedMap<HostedZoneId, SortedSet<String>> namesByZone() {
        return Collections.unmodifiableSortedMap(namesByZone);
    }

    /** The certificate names (as typed) that need a record name, for explanations. */
    public Set<String> domainsFor(String recordName) {
        return domainsByName.getOrDefault(recordName, Set.of());
    }

    public static ChallengeRecords plan(GenerateRequest request) throws UsageException {
        if (request.profile().changes().actions().isEmpty()) {
            // a profile that writes no record (deliver): its statements are its destinations' alone
            if (!request.domains().isEmpty()) {
                throw new UsageException(request.domains().get(0).name().input(), "--client "
                        + request.profile().client() + " changes no DNS record; drop --domain");
            }
            return new ChallengeRecords(new TreeMap<>(), new TreeMap<>());
        }
        if (request.domains().isEmpty()) {
            throw new UsageException("", "no domain given; name at least one with --domain");
        }
        SortedMap<HostedZoneId, SortedSet<String>> byZone = new TreeMap<>();
        Map<String, Set<String>> domainsByName = new TreeMap<>();
        List<ChallengeAlias> unusedAliases = new ArrayList<>(request.aliases());
        // the zone each record name went to, and which certificate name sent it there
        Map<String, HostedZoneId> zoneOfRecord = new TreeMap<>();
        Map<String, String> firstDomainOfRecord = new TreeMap<>();
        for (DomainRequest domain : request.domains()) {
            Optional<ChallengeAlias> alias = aliasFor(request.aliases(), domain.name());
            String record;
            HostedZoneId zone;
            if (alias.isPresent()) {
                // by identity: a record's equals would bootstrap invokedynamic on a cold JVM
                for (int i = 0; i < unusedAliases.size(); i++) {
                    if (unusedAliases.get(i) == alias.get()) {
                        unusedAliases.remove(i);
                        break;
                    }
                }
                record = alias.get().recordName();
                zone = alias.get().zone().isPresent() ? alias.get().zone().get()
                        : zoneFor(request, record, domain.name().input() + " (alias target " + record + ")");
            } else {
                record = domain.name().challengeName();
                zone = domain.zone().isPresent() ? domain.zone().get()
                        : zoneFor(request, domain.name().normalized(), domain.name().input());
            }
            HostedZoneId earlier = zoneOfRecord.putIfAbsent(record, zone);
            if (earlier != null && !earlier.id().equals(zone.id())) {
                throw new UsageException(domain.name().input(), "record " + record + " is mapped to two zones: "
                        + earlier.id() + " for \"" + firstDomainOfRecord.get(record) + "\" and " + zone.id() + " for \""
                        + domain.name().input() + "\"; a record lives in one zone, so map both to the same one");
            }
            firstDomainOfRecord.putIfAbsent(record, domain.name().input());
            byZone.putIfAbsent(zone, new TreeSet<>());
            byZone.get(zone).add(record);
            domainsByName.putIfAbsent(record, new LinkedHashSet<>());
            domainsByName.get(record).add(domain.name().input());
        }
        if (!unusedAliases.isEmpty()) {
            String domain = unusedAliases.get(0).domain().input();
            throw new UsageException(domain, "challenge alias for \"" + domain + "\", which is not a --domain");
        }
        return new ChallengeRecords(byZone, domainsByName);
    }

    private static Optional<ChallengeAlias> aliasFor(List<ChallengeAlias> aliases, CertificateName name) {
        // a wildcard and its apex share one challenge name, so one alias serves both
        for (ChallengeAlias alias : aliases) {
            if (alias.domain().normalized().equals(name.normalized())) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    /**
     * The zone of a name not mapped explicitly: the named zone with the longest matching suffix,
     * else the only zone given without a name.
     */
    private static HostedZoneId zoneFor(GenerateRequest request, String normalizedName, String shown)
            throws UsageException {
        ZoneRef best = null;
        for (ZoneRef zone : request.zones()) {
            if (zone.contains(normalizedName)
                    && (best == null || zone.name().get().length() > best.name().get().length())) {
                best = zone;
            }
        }
        if (best != null) {
            return best.id();
        }
        Set<HostedZoneId> candidates = new TreeSet<>();
        for (ZoneRef zone : request.zones()) {
            if (zone.name().isEmpty()) {
                candidates.add(zone.id());
            }
        }
        if (candidates.size() == 1) {
            return candidates.iterator().next();
        }
        if (candidates.isEmpty()) {
            throw new UsageException(shown, request.zones().isEmpty()
                    ? "no hosted zone for \"" + shown + "\"; give --zone ZONEID or --domain " + shown + "=ZONEID"
                    : "no --zone matches \"" + shown + "\"; map it with --domain NAME=ZONEID");
        }
        throw new UsageException(shown, "the zone of \"" + shown + "\" is ambiguous (" + joined(candidates)
                + "); map it with --domain NAME=ZONEID or name the zones with --zone NAME=ZONEID");
    }

    private static String joined(Set<HostedZoneId> zones) {
        List<String> ids = new ArrayList<>();
        for (HostedZoneId zone : zones) {
            ids.add(zone.id());
        }
        return String.join(", ", ids);
    }
}
