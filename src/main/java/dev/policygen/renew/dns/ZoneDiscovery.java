package dev.policygen.renew.dns;

import dev.policygen.PolicygenException;
import dev.policygen.generate.ZoneRef;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.RenewConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds the zone of every name the config gives none for, before the run, so the run's policy
 * (generate's, scoped to those zones) is known before any record is touched. The result is the
 * config with every zone filled in, and the zones found, as generate's {@code --zone NAME=ID}.
 * A certificate with a name in no zone is left out of that config and reported in
 * {@code unresolved} (certificate name to why), so it fails alone and the others still renew.
 */
public record ZoneDiscovery(RenewConfig config, List<ZoneRef> discovered,
        Map<String, ZoneNotFoundException> unresolved) {

    public static ZoneDiscovery run(RenewConfig config, ChallengeZones zones) throws PolicygenException,
            InterruptedException {
        Map<String, ZoneRef> found = new TreeMap<>();
        Map<String, ZoneNotFoundException> unresolved = new TreeMap<>();
        List<CertificateConfig> certificates = new ArrayList<>();
        for (CertificateConfig certificate : config.certificates()) {
            List<ConfiguredDomain> domains = new ArrayList<>();
            Map<String, ZoneRef> foundHere = new TreeMap<>();
            try {
                for (ConfiguredDomain domain : certificate.domains()) {
                    if (domain.zone().isPresent()) {
                        domains.add(domain);
                        continue;
                    }
                    HostedZones.Zone zone = zones.enclosingZone(domain.name().normalized());
                    foundHere.putIfAbsent(zone.id().id(), new ZoneRef(zone.id(), Optional.of(zone.name())));
                    domains.add(new ConfiguredDomain(domain.name(), Optional.of(zone.id())));
                }
            } catch (ZoneNotFoundException e) {
                unresolved.put(certificate.name(), e);
                continue;
            }
            foundHere.forEach(found::putIfAbsent);
            certificates.add(new CertificateConfig(certificate.name(), domains, certificate.keyType(),
                    certificate.renewBeforeDays(), certificate.destinations()));
        }
        return new ZoneDiscovery(config.withCertificates(certificates), List.copyOf(found.values()),
                Map.copyOf(unresolved));
    }

    /** {@code original} without the unresolved certificates: what the run's policy is generated for. */
    public RenewConfig resolvable(RenewConfig original) {
        List<CertificateConfig> kept = original.certificates().stream()
                .filter(certificate -> !unresolved.containsKey(certificate.name())).toList();
        return original.withCertificates(kept);
    }
}
