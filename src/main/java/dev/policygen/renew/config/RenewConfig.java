package dev.policygen.renew.config;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The renewer's whole configuration, whichever schema it was written in: the ACME account key,
 * the ACME directory, where state is kept, and the certificates.
 */
public record RenewConfig(AccountKeyLocation accountKey, URI directory, Optional<StateLocation> stateDir,
        List<CertificateConfig> certificates) {
    public RenewConfig {
        certificates = List.copyOf(certificates);
    }

    /** The same config with its state kept at {@code location} (the one a pass resolved from --state-dir). */
    public RenewConfig withStateDir(StateLocation location) {
        return new RenewConfig(accountKey, directory, Optional.of(location), certificates);
    }

    /** True when no certificate needs zone discovery. */
    public boolean zonesConfigured() {
        return certificates.stream().allMatch(CertificateConfig::zonesConfigured);
    }
}
