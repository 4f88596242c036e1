package dev.policygen.renew.config;

import java.util.List;

/** One certificate the renewer keeps fresh: its names, key, renewal window and destinations. */
public record CertificateConfig(String name, List<ConfiguredDomain> domains, KeyType keyType, int renewBeforeDays,
        List<Destination> destinations) {
    public static final int DEFAULT_RENEW_BEFORE_DAYS = 30;

    public CertificateConfig {
        domains = List.copyOf(domains);
        destinations = List.copyOf(destinations);
    }

    /** True when every name has a configured zone, so no zone discovery is needed for this certificate. */
    public boolean zonesConfigured() {
        return domains.stream().allMatch(domain -> domain.zone().isPresent());
    }
}
