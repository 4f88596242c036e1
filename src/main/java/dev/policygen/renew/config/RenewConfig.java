package dev.policygen.renew.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The renewer's whole configuration, whichever schema it was written in: the ACME account key,
 * the ACME directory, where state is kept, and the certificates.
 */
public record RenewConfig(AccountKeyLocation accountKey, URI directory, Optional<Path> stateDir,
        List<CertificateConfig> certificates) {
    public RenewConfig {
        certificates = List.copyOf(certificates);
    }

    /** True when no certificate needs zone discovery. */
    public boolean zonesConfigured() {
        return certificates.stream().allMatch(CertificateConfig::zonesConfigured);
    }
}
